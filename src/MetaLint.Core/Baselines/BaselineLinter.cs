namespace MetaLint.Core.Baselines;

/// Checks a loaded baseline for what is legal but probably wrong.
internal static class BaselineLinter
{
    public const int MaxBytes = 20 * 1024;

    public static IReadOnlyList<BaselineLintIssue> Lint(Baseline baseline, long sizeInBytes)
    {
        var issues = new List<BaselineLintIssue>();
        var file = baseline.Path ?? "baseline";
        if (sizeInBytes > MaxBytes)
            issues.Add(new(new BaselineOrigin(file, 1, 0), "(file)",
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the file is {sizeInBytes:N0} bytes; Health Check imports at most 20 KB")));

        var seen = new Dictionary<string, BaselineSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in baseline.Settings)
        {
            void Add(string message) => issues.Add(new BaselineLintIssue(s.Origin, s.Key, message));

            if (seen.TryGetValue(s.Key, out var first))
                Add($"duplicate setting (first at {first.Origin}); only the first is used");
            else
                seen[s.Key] = s;

            var standard = Baseline.Standard.Find(s.Key);
            if (standard == null)
            {
                Add(SettingCatalog.LegacyKeys.Contains(s.Key)
                    ? "unknown setting: a legacy key from older Health Check exports, not in the current standard; MetaLint ignores it and Salesforce rejects an import that adds a setting"
                    : "unknown setting: not in the Salesforce Baseline Standard; MetaLint ignores it and Salesforce rejects an import that adds a setting");
                continue;
            }
            if (s.Form == BaselineForm.Xml && s.Risk == RiskGroup.Informational && standard.Risk != RiskGroup.Informational)
                Add($"moved to Informational from {standard.Risk.Label()} risk: it no longer counts toward the score and its findings are at most notes");
            if (s.Element is { } element && element != standard.Element)
                Add($"wrong element type: <{element.ElementName()}>, but the standard defines this setting as <{standard.Element!.Value.ElementName()}>");
            if (s.Element != null) LintBands(s, s.Definition, Add);
        }
        return issues;
    }

    private static void LintBands(BaselineSetting s, SettingDefinition? d, Action<string> add)
    {
        switch (s.Element)
        {
            case BaselineXmlElement.NumericRange:
                var c = BaselineSetting.Number(s.Compliant)!.Value;
                var w = BaselineSetting.Number(s.Warning)!.Value;
                if (c == w)
                    add($"compliant and warning are both {s.Compliant}: the direction cannot be told, so there is no warning band");
                else if (d is { Type: SettingValueType.Number } && (c > w) != d.HigherIsStronger)
                    add($"compliant {s.Compliant} is {(c > w ? "above" : "below")} warning {s.Warning}, but for this setting " +
                        $"{(d.HigherIsStronger ? "higher" : "lower")} values are stronger: the bands contradict each other");
                break;
            case BaselineXmlElement.Enum when d is { Type: SettingValueType.Enum }:
                var lists = new[] { ("compliant", s.Compliant), ("warning", s.Warning), ("critical", s.Critical) };
                var where = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (list, csv) in lists)
                    foreach (var literal in BaselineSetting.List(csv))
                    {
                        if (d.Literal(literal) == null)
                            add($"\"{literal}\" in {list} is not a value of this setting (values: {string.Join(", ", d.Literals.Select(l => l.Name))})");
                        else if (where.TryGetValue(literal, out var other))
                            add($"\"{literal}\" is in both {other} and {list}");
                        else
                            where[literal] = list;
                    }
                // A compliant literal weaker than a warning or critical one, or a warning weaker than a critical one.
                for (var i = 0; i < lists.Length; i++)
                    for (var j = i + 1; j < lists.Length; j++)
                    {
                        var stronger = BaselineSetting.List(lists[i].Item2).Select(d.Literal).OfType<EnumLiteral>();
                        var weaker = BaselineSetting.List(lists[j].Item2).Select(d.Literal).OfType<EnumLiteral>().ToList();
                        foreach (var a in stronger)
                            foreach (var b in weaker.Where(b => d.Weaker(a.Value, b.Value)))
                                add($"{lists[i].Item1} \"{a.Name}\" is weaker than {lists[j].Item1} \"{b.Name}\": the bands contradict each other");
                    }
                break;
        }
    }
}
