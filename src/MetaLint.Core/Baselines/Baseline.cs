namespace MetaLint.Core.Baselines;

/// A loaded baseline: its settings in file order. Custom baselines overlay the bundled standard key by key.
internal sealed class Baseline
{
    public const string StandardResource = "MetaLint.Baselines.SalesforceBaselineStandard.xml";
    /// The one name MetaLint gives the bundled baseline in every report and message (its file says "SFDC
    /// recommended", a name Health Check reserves).
    public const string StandardName = "Salesforce Baseline Standard";
    public const string StandardSource = "the " + StandardName;

    public Baseline(string name, string? developerName, BaselineForm form, string? path, IReadOnlyList<BaselineSetting> settings)
    {
        Name = name;
        DeveloperName = developerName;
        Form = form;
        Path = path;
        Settings = settings;
    }

    public string Name { get; }

    /// The name reports show: "Salesforce Baseline Standard" for the bundled one, else the file's name.
    public string DisplayName => Path == null ? StandardName : Name;
    public string? DeveloperName { get; }
    public BaselineForm Form { get; }

    /// The file it came from; null for the bundled standard.
    public string? Path { get; }

    public IReadOnlyList<BaselineSetting> Settings { get; }

    /// The first entry for a key (lint reports duplicates).
    public BaselineSetting? Find(string key) =>
        Settings.FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    private static readonly Lazy<Baseline> LazyStandard = new(() =>
    {
        using var stream = typeof(Baseline).Assembly.GetManifestResourceStream(StandardResource)
                           ?? throw new InvalidOperationException($"missing embedded resource {StandardResource}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var parsed = BaselineLoader.Parse(buffer.ToArray(), StandardName + " (bundled)", StandardSource);
        return new Baseline(parsed.Name, parsed.DeveloperName, parsed.Form, path: null, parsed.Settings);
    });

    /// The Salesforce Baseline Standard, embedded verbatim.
    public static Baseline Standard => LazyStandard.Value;

    /// The raw bytes of the bundled standard.
    public static byte[] StandardBytes()
    {
        using var stream = typeof(Baseline).Assembly.GetManifestResourceStream(StandardResource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// The baseline in effect: every standard setting, replaced by the custom entry of the same key where there is
    /// one, then the custom keys the standard lacks. Null custom means the standard alone.
    public static Baseline Effective(Baseline? custom)
    {
        if (custom == null) return Standard;
        var merged = Standard.Settings.Select(s => custom.Find(s.Key) ?? s).ToList();
        var seen = new HashSet<string>(merged.Select(s => s.Key), StringComparer.OrdinalIgnoreCase);
        foreach (var s in custom.Settings)
            if (seen.Add(s.Key)) merged.Add(s);
        return new Baseline(custom.Name, custom.DeveloperName, custom.Form, custom.Path, merged);
    }
}
