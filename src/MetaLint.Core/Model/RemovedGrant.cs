namespace MetaLint.Core.Model;

/// A grant the base's profile made that the changed file no longer mentions at all (rule ML1010): deploying the file
/// leaves the grant in the org. Location is where the entry was in the new file (its first line when unknown).
/// <param name="Subject">The permission or object, for the fingerprint.</param>
/// <param name="What">The grant as a phrase: "user permission ModifyAllData", "allowEdit, modifyAllRecords on Account".</param>
/// <param name="Fix">The entry that revokes it.</param>
internal sealed record RemovedGrant(
    MetadataKind Kind, string Name, string Subject, string What, string Fix, SourceLocation Location);
