using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Suppressions;

/// An exception whose `expires` date has passed, met again by a finding it used to cover (rule ML9002).
internal sealed record ExpiredExceptionMatch(ExceptionEntry Entry, Finding Finding);
