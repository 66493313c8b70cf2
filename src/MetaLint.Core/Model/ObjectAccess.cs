namespace MetaLint.Core.Model;

/// An object permission flag that rules flag, named as Setup shows it.
public enum ObjectAccess
{
    Edit,
    Delete,
    ViewAll,
    ModifyAll,
    ViewAllFields,
}

public static class ObjectAccessExtensions
{
    /// The Setup label: "Modify All", "View All Fields".
    public static string Label(this ObjectAccess access) => access switch
    {
        ObjectAccess.ViewAll => "View All",
        ObjectAccess.ModifyAll => "Modify All",
        ObjectAccess.ViewAllFields => "View All Fields",
        _ => access.ToString(),
    };
}
