using System.Buffers;
using System.Text;

namespace MetaLint.Cli.Terminal;

/// Text bound for a terminal: repository content must not control it.
internal static class TerminalText
{
    /// File and component names come from the repository: a control character or line separator in one ("%0D" in
    /// a file name decodes to CR) must not start a line, move the cursor or reorder the line, so it is shown as an
    /// escape (\u000D).
    public static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAny(Unprintable)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            if (Unprintable.Contains(c)) sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        return sb.ToString();
    }

    /// Multi-line text (a report) with each line made Printable and the line ends kept.
    public static string PrintableLines(string text) =>
        text.AsSpan().ContainsAny(Unprintable) ? string.Join('\n', text.Split('\n').Select(Printable)) : text;

    // C0 and C1 controls but tab, line and paragraph separators, and the bidirectional controls that can make a
    // line display in an order other than the one it is read in ("Trojan Source").
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c != '\t').Concat(Enumerable.Range(0x7F, 0x21))
            .Concat([0x200E, 0x200F, 0x2028, 0x2029]).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4))
            .Select(c => (char)c).ToArray());

    /// A writer that passes text through Printable, keeping its own line ends: for stderr messages that quote
    /// file names, rules.yml content or arguments.
    public sealed class Writer(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;
        public override void Write(char value) => inner.Write(Printable(value.ToString()));
        public override void Write(string? value) => inner.Write(value is null ? null : Printable(value));
        public override void WriteLine() => inner.WriteLine();
        public override void WriteLine(string? value)
        {
            Write(value);
            inner.WriteLine();
        }
        public override void Flush() => inner.Flush();
    }
}
