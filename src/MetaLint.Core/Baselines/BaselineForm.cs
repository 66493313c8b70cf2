namespace MetaLint.Core.Baselines;

/// The two baseline file forms: Health Check XML, and the JSON list of settings.
internal enum BaselineForm { Xml, Json }
