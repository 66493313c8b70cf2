using System.Security.Cryptography;
using System.Text.Json;
using MetaLint.Core.IO;

namespace MetaLint.Core.Reporting.Evidence;

/// A hash-chained log of evidence records: JSON lines, each record's previousHash the SHA-256 (hex) of the previous
/// line's bytes (null in the first). Editing, removing or reordering a record breaks the link after it.
internal static class EvidenceChain
{
    /// Bounds what is read of a chain file.
    public const long Limit = InputFile.DefaultMetadataLimit;

    private static readonly string[] Required =
    [
        "schemaVersion", "previousHash", "tool", "timestamp", "initiator", "time", "config", "commit", "base", "paths",
        "counts", "findings", "exceptionsApplied", "score", "gate", "changes", "approvals", "validations", "fixed",
    ];

    /// Appends the record as one line chained to the file's last line (the file is created when missing).
    public static void Append(string path, EvidenceRecord record)
    {
        var lines = File.Exists(path) ? Lines(InputFile.ReadAllBytes(path, Limit, "evidence chain")) : [];
        using var line = new MemoryStream();
        EvidenceWriter.Write(record, line, chained: true, previousHash: lines.Count == 0 ? null : Hash(lines[^1]));
        line.WriteByte((byte)'\n');
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        // A file whose last line lacks its newline gets one first, so the new record stays a line of its own.
        if (file.Length > 0 && lines.Count > 0 && LastByte(path) != '\n') file.WriteByte((byte)'\n');
        line.Position = 0;
        line.CopyTo(file);
    }

    /// The problems of the chain in bytes, by line ("line 3: previousHash does not match line 2"); empty when intact.
    public static List<string> Verify(byte[] bytes, out int records)
    {
        var problems = new List<string>();
        var lines = Lines(bytes);
        records = lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            var n = i + 1;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problems.Add($"line {n}: not a JSON record ({e.Message})");
                continue;
            }
            if (root.ValueKind != JsonValueKind.Object) { problems.Add($"line {n}: not a JSON object"); continue; }
            foreach (var key in Required.Where(k => !root.TryGetProperty(k, out _)))
                problems.Add($"line {n}: schema: missing '{key}'");
            if (root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() != EvidenceWriter.SchemaVersion)
                problems.Add($"line {n}: schema: schemaVersion '{v}' is not {EvidenceWriter.SchemaVersion}");
            if (!root.TryGetProperty("previousHash", out var previous)) continue;
            var expected = i == 0 ? null : Hash(lines[i - 1]);
            var actual = previous.ValueKind == JsonValueKind.String ? previous.GetString() : previous.ValueKind == JsonValueKind.Null ? null : "?";
            if (actual != expected)
                problems.Add(i == 0
                    ? $"line 1: previousHash must be null in the first record"
                    : $"line {n}: previousHash does not match line {i} (that record was edited, removed or reordered)");
        }
        return problems;
    }

    public static string Hash(byte[] line) => Convert.ToHexStringLower(SHA256.HashData(line));

    /// The non-empty lines, as bytes (a final newline ends the last line; a CR before it is kept: it would be edited).
    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            if (i > start) lines.Add(bytes[start..i]);
            start = i + 1;
        }
        return lines;
    }

    private static int LastByte(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (f.Length == 0) return -1;
        f.Seek(-1, SeekOrigin.End);
        return f.ReadByte();
    }
}
