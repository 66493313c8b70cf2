namespace MetaLint.Core.Model;

/// One &lt;userPermissions&gt; entry.
internal sealed record UserPermission(string Name, bool Enabled, SourceLocation NameLocation);
