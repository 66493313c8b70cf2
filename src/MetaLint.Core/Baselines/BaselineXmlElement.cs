namespace MetaLint.Core.Baselines;

/// The XML setting element types.
internal enum BaselineXmlElement { Boolean, NumericRange, Enum }
