namespace MetaLint.Core.Model;

/// One &lt;objectPermissions&gt; entry; absent flags are null.
internal sealed record ObjectPermission(string Object, SourceLocation Location)
{
    public BoolField? AllowCreate { get; set; }
    public BoolField? AllowRead { get; set; }
    public BoolField? AllowEdit { get; set; }
    public BoolField? AllowDelete { get; set; }
    public BoolField? ModifyAllRecords { get; set; }
    public BoolField? ViewAllRecords { get; set; }
    public BoolField? ViewAllFields { get; set; }
}
