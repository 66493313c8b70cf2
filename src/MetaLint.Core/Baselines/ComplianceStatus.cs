namespace MetaLint.Core.Baselines;

/// The outcome of comparing a value with a baseline setting.
internal enum ComplianceStatus { Compliant, Warning, Critical }
