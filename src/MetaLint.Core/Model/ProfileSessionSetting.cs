namespace MetaLint.Core.Model;

/// A ProfileSessionSetting file.
public sealed class ProfileSessionSetting(SourceFile file) : ProfilePolicy(file);
