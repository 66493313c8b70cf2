namespace MetaLint.Core.Baselines;

/// Health Check risk categories; in the XML the container is the category.
public enum RiskGroup { High, Medium, Low, Informational }
