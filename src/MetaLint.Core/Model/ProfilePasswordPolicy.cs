namespace MetaLint.Core.Model;

/// A ProfilePasswordPolicy file.
public sealed class ProfilePasswordPolicy(SourceFile file) : ProfilePolicy(file);
