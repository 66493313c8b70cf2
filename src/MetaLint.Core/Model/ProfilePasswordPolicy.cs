namespace MetaLint.Core.Model;

/// A ProfilePasswordPolicy file.
internal sealed class ProfilePasswordPolicy(SourceFile file) : ProfilePolicy(file);
