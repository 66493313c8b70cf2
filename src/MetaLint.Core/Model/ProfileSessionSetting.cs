namespace MetaLint.Core.Model;

/// A ProfileSessionSetting file.
internal sealed class ProfileSessionSetting(SourceFile file) : ProfilePolicy(file);
