namespace MetaLint.Core.Baselines;

/// Health Check risk categories; in the XML the container is the category.
internal enum RiskGroup { High, Medium, Low, Informational }
