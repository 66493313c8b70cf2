using MetaLint.Core.Baselines;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Rules;
using MetaLint.Core.Rules.Permissions;

namespace MetaLint.Core;

/// What a change introduces: two discovered trees (the base and the changed one) analysed alike and compared.
/// Knows nothing of git: the git modes lay the two trees out and call it.
internal static class ChangeAnalysis
{
    /// The comparison: the head's result limited to what it introduces, and of the base, its finding count,
    /// the findings the head no longer has (fixed), and its score.
    public sealed record Outcome(AnalysisResult Result, int BaseFindings, IReadOnlyList<Finding> Fixed, Baselines.HealthScore? BaseScore);

    /// Analyses both sides and keeps the head's findings the base does not have (IsIntroduced), plus the profile
    /// grants the head deletes instead of revoking (ML1010). The base is held (the head is compared with it, and what
    /// the head no longer has is the remediation log); the head streams, and of its findings only those it introduces
    /// and the fingerprints of the others are kept.
    public static Outcome Compare(DiscoveryResult head, DiscoveryResult @base, AnalysisOptions options)
    {
        var baseResult = Analyzer.Analyse(@base, options);
        var before = baseResult.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var headStream = Analyzer.Stream(head, options);
        var introduced = new List<Finding>();
        var after = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in headStream)
        {
            after.Add(f.Fingerprint);
            if (IsIntroduced(f, before)) introduced.Add(WithBaseValue(f, baseResult.Settings));
        }
        var removed = Analyzer.CheckDerived(RemovedGrants(head, @base, options.MaxFileSize), headStream.Rules, options);
        var headResult = new AnalysisResult(headStream.Discovery, RuleEngine.Sort([.. introduced, .. removed]), headStream.Rules)
        {
            AppliedExceptions = headStream.AppliedExceptions,
            Score = headStream.Score,
            Settings = headStream.Settings,
        };
        return new Outcome(headResult, baseResult.Findings.Count,
            baseResult.Findings.Where(f => !after.Contains(f.Fingerprint)).ToList(), baseResult.Score);
    }

    /// Profiles on both sides (by name) whose files differ: the grants the head's file drops (GrantRemoval).
    private static List<RemovedGrant> RemovedGrants(DiscoveryResult head, DiscoveryResult @base, long limit)
    {
        var baseProfiles = @base.Files.Where(f => f.Kind == MetadataKind.Profile)
            .DistinctBy(f => f.ComponentName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(f => f.ComponentName, StringComparer.OrdinalIgnoreCase);
        var removed = new List<RemovedGrant>();
        foreach (var file in head.Files.Where(f => f.Kind == MetadataKind.Profile)
                     .DistinctBy(f => f.ComponentName, StringComparer.OrdinalIgnoreCase))
        {
            if (!baseProfiles.TryGetValue(file.ComponentName, out var baseFile)) continue;
            // Bytes first: most profiles are unchanged, and comparing bytes costs far less than decoding them.
            if (Read(file, limit) is not { } afterBytes || Read(baseFile, limit) is not { } beforeBytes ||
                afterBytes.AsSpan().SequenceEqual(beforeBytes)) continue;
            var (afterText, beforeText) = (Decode(afterBytes), Decode(beforeBytes));
            if (MetadataParser.ParseText(file, afterText).Content is not { } after ||
                MetadataParser.ParseText(baseFile, beforeText).Content is not { } was) continue;
            removed.AddRange(GrantRemoval.Find(was, beforeText, after, file, afterText));
        }
        return removed;
    }

    /// A profile's bytes, bounded; an unreadable one is reported by the analysis itself (ML0001), so skipped here.
    private static byte[]? Read(SourceFile file, long limit)
    {
        try { return InputFile.ReadAllBytes(file.FullPath, limit, "profile"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// UTF-8 unless a byte-order mark says otherwise, as InputFile.ReadAllText reads.
    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// New when the base has no finding with this fingerprint, or had it at a lower level; for a setting, when its
    /// status got worse (warning to critical) or its value changed at the same status (OneYear to Never: both
    /// critical). A setting's level alone cannot tell: a low-risk setting is a note at either status.
    private static bool IsIntroduced(Finding f, Dictionary<string, Finding> before)
    {
        if (!before.TryGetValue(f.Fingerprint, out var old)) return true;
        if (f.Level > old.Level) return true;
        if (f.Fact is not SettingFact now || old.Fact is not SettingFact was) return false;
        return now.Status > was.Status || (now.Status == was.Status && now.Value != was.Value);
    }

    /// Gives a setting finding the base's value of the setting, when the base set it too.
    private static Finding WithBaseValue(Finding f, IReadOnlyList<SettingsComponent> baseSettings)
    {
        if (f.Fact is not SettingFact fact || SettingCatalog.Find(fact.Key) is not { } definition) return f;
        var before = baseSettings
            .Where(c => c.Kind == f.ComponentKind && c.Name == f.ComponentName)
            .Select(c => SettingCatalog.AppliesTo(definition, c) ? SettingCatalog.Read(definition, c) : null)
            .FirstOrDefault(r => r != null);
        return before == null ? f : f with { Fact = fact with { BaseValue = before.Display } };
    }
}
