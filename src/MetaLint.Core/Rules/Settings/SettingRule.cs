using MetaLint.Core.Baselines;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Settings;

/// ML3xxx: one Health Check baseline setting in Security.settings and in the profile policy files that override it,
/// against the baseline in effect. One class over the table in SettingRuleTable, a row per id.
internal sealed class SettingRule : Rule<SettingsComponent>
{
    private readonly BaselineSetting? _setting;
    private readonly MissingSettingPolicy _missing;

    /// The rule as the catalog lists it: against the bundled Salesforce Baseline Standard.
    public SettingRule(SettingRuleRow row) : this(row, Baseline.Standard, MissingSettingPolicy.Ignore) { }

    private SettingRule(SettingRuleRow row, Baseline baseline, MissingSettingPolicy missing)
    {
        Row = row;
        Definition = SettingCatalog.Find(row.Key) ?? throw new ArgumentException($"{row.Id}: {row.Key} is not in the setting catalog");
        _setting = baseline.Find(row.Key);
        _missing = missing;
        Descriptor = new RuleDescriptor(row.Id, row.Name, row.Title, row.Description,
            DefaultLevel: _setting is null ? RuleLevel.Warning : MaxLevel(_setting),
            SecuritySeverity: _setting?.Risk.SecuritySeverity(),
            Category: RuleCategory.Settings);
    }

    public SettingRuleRow Row { get; }
    public SettingDefinition Definition { get; }

    /// Level and security-severity follow the risk group and bands that the baseline in effect gives the setting.
    public override RuleDescriptor Descriptor { get; }

    /// The same rule against another baseline (the effective one of a run) and missing-setting policy.
    public SettingRule Bind(Baseline effective, MissingSettingPolicy missing) => new(Row, effective, missing);

    public override void Check(SettingsComponent c, RuleContext ctx)
    {
        if (_setting == null || SettingAssessment.Of(c, Definition, _setting) is not { } a) return;
        if (a.Reading == null)
        {
            if (_missing == MissingSettingPolicy.Report && c is SecuritySettings s) ReportMissing(s, ctx);
            return;
        }
        if (a.Status is not { } status) return;   // a value MetaLint does not recognise: not determinable
        var level = LevelFor(_setting, status);
        if (level == RuleLevel.None) return;
        // Values in words: what the file says and what the baseline wants, not its raw bands ("compliant: 8.0").
        var rating = _setting.Form == BaselineForm.Json
            ? _setting.Risk.RiskType()
            : $"{status.Label()}, {_setting.Risk.Label()} risk";
        var value = Definition.Reader != null ? a.Reading.Display : $"{a.Reading.Element} is {a.Reading.Display}";
        ctx.Report(a.Reading.Location, c.Kind, c.Name, Row.Key,
            $"{c.DisplayName}: {value}; {_setting.Source} wants {_setting.Wants} ({rating})",
            ctx.Config.Level ?? level, fact: new SettingFact(Row.Key, a.Reading.Element, a.Reading.Display) { Status = status });
    }

    /// A missing setting goes on its parent element, or on line 1 when that is missing too.
    private void ReportMissing(SecuritySettings s, RuleContext ctx)
    {
        var parent = Definition.IsInGroup ? s.Element(Definition.Group)?.Location : null;
        var location = parent == null
            ? new SourceLocation(s.File, SourceSpan.FileStart)
            : parent with
            {
                Span = new SourceSpan(parent.Span.StartLine, parent.Span.StartColumn, parent.Span.StartLine,
                    parent.Span.StartColumn + Definition.Group.Length + 2),
            };
        var where = Definition.IsInGroup ? $" in <{Definition.Group}>" : "";
        ctx.Report(location, s.Kind, s.Name, Row.Key,
            $"{s.DisplayName}: {Row.Key} is not set (no <{Definition.Element}>{where}), so the org keeps whatever value it has",
            ctx.Config.Level ?? RuleLevel.Note, fact: new SettingFact(Row.Key, Definition.Element, Value: null));
    }

    /// The finding level for a status. XML: risk group and status together, as a reviewer triages them
    /// (high: critical error, warning warning; medium: critical warning, warning note; low and informational:
    /// note). JSON, which has no warning tier: by riskType (high error, medium warning, low note, informational none).
    private static RuleLevel LevelFor(BaselineSetting setting, ComplianceStatus status)
    {
        if (status == ComplianceStatus.Compliant) return RuleLevel.None;
        if (setting.Form == BaselineForm.Json)
            return setting.Risk switch
            {
                RiskGroup.High => RuleLevel.Error,
                RiskGroup.Medium => RuleLevel.Warning,
                RiskGroup.Low => RuleLevel.Note,
                _ => RuleLevel.None,
            };
        var critical = status == ComplianceStatus.Critical;
        return setting.Risk switch
        {
            RiskGroup.High => critical ? RuleLevel.Error : RuleLevel.Warning,
            RiskGroup.Medium => critical ? RuleLevel.Warning : RuleLevel.Note,
            _ => RuleLevel.Note,
        };
    }

    /// The strongest level a baseline entry can give (the level of its weakest possible status): the rule's default
    /// level in a run.
    private static RuleLevel MaxLevel(BaselineSetting setting) => LevelFor(setting, setting.WorstStatus);
}
