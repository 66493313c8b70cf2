namespace MetaLint.Core.Baselines;

/// The outcome of comparing a value with a baseline setting.
public enum ComplianceStatus { Compliant, Warning, Critical }
