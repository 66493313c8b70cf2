namespace MetaLint.Core.Rules;

/// What a finding is about, as typed facts: what stages after the rules (PR mode, the PR summary) read,
/// instead of parsing the message. Null on findings that have nothing more to say than their message.
internal abstract record FindingFact;
