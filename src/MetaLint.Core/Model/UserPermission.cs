namespace MetaLint.Core.Model;

/// One &lt;userPermissions&gt; entry.
public sealed record UserPermission(string Name, bool Enabled, SourceLocation NameLocation);
