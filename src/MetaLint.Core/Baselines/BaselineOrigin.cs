namespace MetaLint.Core.Baselines;

/// Where an entry was written, for messages: "strict.xml:6" or "team.json entry 3 (line 4)".
internal sealed record BaselineOrigin(string File, int Line, int Entry)
{
    public override string ToString() =>
        Entry > 0 ? $"{File} entry {Entry}{(Line > 0 ? $" (line {Line})" : "")}" : $"{File}:{Line}";
}
