namespace MetaLint.Core.Rules;

/// What to do about a baseline setting that Security.settings does not set.
internal enum MissingSettingPolicy { Ignore, Report }
