namespace MetaLint.Core.Baselines;

/// The two file forms (contract.md, Baselines).
public enum BaselineForm { Xml, Json }
