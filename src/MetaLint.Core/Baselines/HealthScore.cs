using MetaLint.Core.Model;

namespace MetaLint.Core.Baselines;

/// MetaLint's approximation of the Health Check score. Salesforce does not publish its weights.
internal sealed class HealthScore
{
    /// Weight per risk group: what counts most.
    public static int Weight(RiskGroup risk) => risk switch
    {
        RiskGroup.High => 3,
        RiskGroup.Medium => 2,
        RiskGroup.Low => 1,
        _ => 0,
    };

    /// Credit per status.
    public static double Credit(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Compliant => 1.0,
        ComplianceStatus.Warning => 0.5,
        _ => 0.0,
    };

    public static string Grade(double score) => score switch
    {
        >= 90 => "Excellent",
        >= 80 => "Very Good",
        >= 70 => "Good",
        >= 55 => "Poor",
        _ => "Very Poor",
    };

    private HealthScore(Baseline baseline, IReadOnlyList<SettingAssessment> assessments)
    {
        Baseline = baseline;
        Assessments = assessments;
        var scored = assessments.Where(a => a.Status != null && Weight(a.Setting.Risk) > 0).ToList();
        WeightTotal = scored.Sum(a => Weight(a.Setting.Risk));
        Earned = scored.Sum(a => Weight(a.Setting.Risk) * Credit(a.Status!.Value));
        if (WeightTotal > 0) Score = Math.Round(100 * Earned / WeightTotal, 1, MidpointRounding.AwayFromZero);
        NotCheckable = baseline.Settings.Where(s => s.Definition == null).ToList();
    }

    public Baseline Baseline { get; }

    /// Every mapped setting of every settings file, in file then catalog order.
    public IReadOnlyList<SettingAssessment> Assessments { get; }

    /// 0-100, one decimal; null when no weighted setting could be determined.
    public double? Score { get; }

    public string? GradeText => Score is { } s ? Grade(s) : null;
    public double Earned { get; }
    public int WeightTotal { get; }

    /// Baseline settings that no metadata file MetaLint reads can show.
    public IReadOnlyList<BaselineSetting> NotCheckable { get; }

    /// Settings with a status: the terms of the score.
    public IEnumerable<SettingAssessment> Determined => Assessments.Where(a => a.Status != null);

    /// Settings the files could set but do not (or set to something unrecognised).
    public IEnumerable<SettingAssessment> NotDeterminable => Assessments.Where(a => a.Status == null);

    public static HealthScore Compute(IEnumerable<SettingsComponent> components, Baseline effective)
    {
        var assessments = new List<SettingAssessment>();
        foreach (var c in components.OrderBy(c => c.File.RelativePath, StringComparer.Ordinal))
            foreach (var d in SettingCatalog.All)
                if (effective.Find(d.Key) is { } setting && SettingAssessment.Of(c, d, setting) is { } a)
                    assessments.Add(a);
        return new HealthScore(effective, assessments);
    }
}
