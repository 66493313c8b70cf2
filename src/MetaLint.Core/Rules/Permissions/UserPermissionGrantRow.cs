namespace MetaLint.Core.Rules.Permissions;

/// One row of the user-permission table: a rule and the fixed user permissions whose grant it flags.
internal sealed record UserPermissionGrantRow(RuleDescriptor Descriptor, params string[] Permissions);
