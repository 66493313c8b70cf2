namespace MetaLint.Core.Model;

/// An object permission flag that rules flag, named as Setup shows it.
internal enum ObjectAccess
{
    Edit,
    Delete,
    ViewAll,
    ModifyAll,
    ViewAllFields,
}

internal static class ObjectAccessExtensions
{
    /// The Setup label: "Modify All", "View All Fields".
    public static string Label(this ObjectAccess access) => access switch
    {
        ObjectAccess.ViewAll => "View All",
        ObjectAccess.ModifyAll => "Modify All",
        ObjectAccess.ViewAllFields => "View All Fields",
        _ => access.ToString(),
    };

    /// The objectPermissions element that grants it: "modifyAllRecords".
    public static string Element(this ObjectAccess access) => access switch
    {
        ObjectAccess.Edit => "allowEdit",
        ObjectAccess.Delete => "allowDelete",
        ObjectAccess.ViewAll => "viewAllRecords",
        ObjectAccess.ModifyAll => "modifyAllRecords",
        _ => "viewAllFields",
    };

    /// How messages name it: the Setup label with the element in parentheses ("Modify All (modifyAllRecords)").
    public static string Display(this ObjectAccess access) => $"{access.Label()} ({access.Element()})";
}
