using System.Text.Json;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Suppressions;

/// The findings a team accepted when it adopted MetaLint on an existing org (metalint-accepted.json, written by
/// `metalint check --update-accepted`), like ESLint's bulk suppressions: per file and rule, the count and the
/// fingerprints of the accepted findings. Fingerprints come from what a finding is about (rule, component,
/// subject), never from its line, so moving lines keeps them; the count is what a reviewer reads in a diff and
/// must agree with the list. An accepted finding stays in every report as suppressed and does not fail the gate.
/// Parse failures (ML0001), suppression hygiene (ML9xxx) and rules under rules.yml's require-approval policy are never
/// accepted: they would hide a whole file, defeat an exception's expiry, or bypass the named approver the policy wants.
internal sealed class AcceptedFindings
{
    public const string FileName = "metalint-accepted.json";
    private const int Version = 1;

    private readonly SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> _files;

    private AcceptedFindings(SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> files) =>
        _files = files;

    public static AcceptedFindings Empty => new(new(StringComparer.Ordinal));

    /// How many findings the file accepts.
    public int Count => _files.Values.Sum(rules => rules.Values.Sum(f => f.Count));

    /// Whether a finding may be accepted at all; needsApproval: the rules.yml require-approval rule ids.
    public static bool Acceptable(Finding f, IReadOnlySet<string> needsApproval) =>
        !f.IsSuppressed && f.RuleId != "ML0001" && !f.RuleId.StartsWith("ML9", StringComparison.Ordinal) &&
        !needsApproval.Contains(f.RuleId);

    /// Every acceptable finding of the run: what --update-accepted writes.
    public static AcceptedFindings From(IEnumerable<Finding> findings, IReadOnlySet<string> needsApproval)
    {
        var accepted = Empty;
        foreach (var f in findings.Where(f => Acceptable(f, needsApproval))) accepted.Add(f.Path, f.RuleId, f.Fingerprint, f.Subject);
        return accepted;
    }

    /// The entries that still occur among findings: what --prune-accepted keeps.
    public AcceptedFindings Prune(IEnumerable<Finding> findings, IReadOnlySet<string> needsApproval)
    {
        var pruned = Empty;
        foreach (var f in findings.Where(f => Acceptable(f, needsApproval)))
            if (Subject(f) is { } subject) pruned.Add(f.Path, f.RuleId, f.Fingerprint, subject);
        return pruned;
    }

    /// The findings in the same order, those this file accepts marked as suppressed (kind external) with the
    /// justification naming the file. Findings already suppressed keep their own suppression.
    public IEnumerable<Finding> Apply(IEnumerable<Finding> findings, string file, IReadOnlySet<string> needsApproval)
    {
        if (_files.Count == 0) return findings;
        var suppression = new Suppression(SuppressionSource.Accepted,
            $"accepted in {file} (findings present when MetaLint was adopted)", null, null);
        return findings.Select(f => Acceptable(f, needsApproval) && Subject(f) != null ? f with { Suppression = suppression } : f);
    }

    /// This file with the entries of the files analysed replaced by fresh's, and those of files no longer on disk
    /// dropped; entries of other files (a run on part of the project) are kept as they are.
    public AcceptedFindings Rewrite(AcceptedFindings fresh, IReadOnlySet<string> analysedFiles, Func<string, bool> fileExists)
    {
        var result = Empty;
        foreach (var (path, rule, fingerprint, subject) in Entries)
            if (!analysedFiles.Contains(path) && fileExists(path)) result.Add(path, rule, fingerprint, subject);
        foreach (var (path, rule, fingerprint, subject) in fresh.Entries) result.Add(path, rule, fingerprint, subject);
        return result;
    }

    /// Every accepted finding as (path, rule, fingerprint, subject), in file order.
    public IEnumerable<(string Path, string Rule, string Fingerprint, string Subject)> Entries =>
        _files.SelectMany(file => file.Value.SelectMany(rule => rule.Value.Select(f => (file.Key, rule.Key, f.Key, f.Value))));

    private string? Subject(Finding f) =>
        _files.TryGetValue(f.Path, out var rules) && rules.TryGetValue(f.RuleId, out var fingerprints) &&
        fingerprints.TryGetValue(f.Fingerprint, out var subject) ? subject : null;

    private void Add(string path, string rule, string fingerprint, string subject)
    {
        if (!_files.TryGetValue(path, out var rules)) _files[path] = rules = new(StringComparer.Ordinal);
        if (!rules.TryGetValue(rule, out var fingerprints)) rules[rule] = fingerprints = new(StringComparer.Ordinal);
        fingerprints[fingerprint] = subject;
    }

    /// Reads the file from disk through the bounded reader (configuration-file cap).
    public static AcceptedFindings Load(string path)
    {
        try { return Parse(InputFile.ReadAllText(path, InputFile.DefaultConfigLimit, "accepted findings file"), path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AcceptedFindingsException(e is InputFileException ? e.Message : $"cannot read accepted findings file '{path}': {e.Message}");
        }
    }

    /// Parses the file's bytes; source names it in messages ("metalint-accepted.json at origin/main").
    public static AcceptedFindings Parse(string text, string source)
    {
        AcceptedFindingsException Fail(string problem) => new($"{source}: {problem}");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, JsonInput.Options); }
        catch (JsonException e) { throw Fail($"not valid JSON: {JsonInput.Problem(e)}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number ||
                !version.TryGetInt32(out var v) || v != Version)
                throw Fail($"not an accepted-findings file of version {Version} (an object with \"version\": {Version} and \"files\")");
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
                throw Fail("\"files\" must be an object of file paths");
            var accepted = Empty;
            foreach (var file in files.EnumerateObject())
            {
                if (file.Value.ValueKind != JsonValueKind.Object) throw Fail($"\"{file.Name}\" must be an object of rule ids");
                foreach (var rule in file.Value.EnumerateObject())
                {
                    var where = $"\"{file.Name}\" {rule.Name}";
                    if (rule.Value.ValueKind != JsonValueKind.Object ||
                        !rule.Value.TryGetProperty("count", out var countElement) || !countElement.TryGetInt32(out var count) ||
                        !rule.Value.TryGetProperty("findings", out var list) || list.ValueKind != JsonValueKind.Array)
                        throw Fail($"{where} must be an object with \"count\" and \"findings\"");
                    var listed = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object ||
                            !item.TryGetProperty("fingerprint", out var fp) || fp.ValueKind != JsonValueKind.String ||
                            fp.GetString() is not { Length: > 0 } fingerprint)
                            throw Fail($"{where}: each finding needs a \"fingerprint\"");
                        var subject = item.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
                        accepted.Add(file.Name, rule.Name, fingerprint, subject);
                        listed++;
                    }
                    if (count != listed)
                        throw Fail($"{where}: \"count\" is {count} but {listed} listed (edited by hand? run metalint check --update-accepted to rewrite it)");
                }
            }
            return accepted;
        }
    }

    /// The file's text: sorted by path, rule and fingerprint, indented, "\n" line ends; same findings, same bytes.
    public string ToJson() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteString("about", "Findings accepted when MetaLint was adopted (metalint check --update-accepted): reported as " +
                               "suppressed, not failing the build. metalint check --prune-accepted drops the fixed ones.");
        w.WriteStartObject("files");
        foreach (var (path, rules) in _files)
        {
            w.WriteStartObject(path);
            foreach (var (rule, fingerprints) in rules)
            {
                w.WriteStartObject(rule);
                w.WriteNumber("count", fingerprints.Count);
                w.WriteStartArray("findings");
                foreach (var (fingerprint, subject) in fingerprints)
                {
                    w.WriteStartObject();
                    w.WriteString("fingerprint", fingerprint);
                    w.WriteString("subject", subject);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
