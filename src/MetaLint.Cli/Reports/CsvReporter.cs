using System.Globalization;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;
using nietras.SeparatedValues;

namespace MetaLint.Cli.Reports;

/// One row per finding (suppressed and accepted ones too, with their suppression), a header row, RFC 4180 quoting and
/// CRLF line ends, written with Sep. A text field that a spreadsheet would run as a formula (starting with =, +, -, @,
/// tab or CR: a component or file name is repository content) gets a leading apostrophe, as OWASP advises.
internal sealed class CsvReporter : IReporter
{
    public static readonly string[] Columns =
    [
        "ruleId", "ruleName", "level", "message", "path", "startLine", "startColumn", "endLine", "endColumn",
        "componentType", "component", "subject", "fingerprint", "suppression", "justification",
    ];

    public void Write(Report report, TextWriter output)
    {
        var crlf = new CrlfWriter(output);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(crlf))
        {
            writer.Header.Add(Columns);
            writer.Header.Write();
            foreach (var f in report.Findings)
            {
                using var row = writer.NewRow();
                string[] values =
                [
                    f.RuleId, f.Rule.Name, f.Level.ToText(), Text(f.Message), Text(f.Path),
                    Number(f.Span.StartLine), Number(f.Span.StartColumn), Number(f.Span.EndLine), Number(f.Span.EndColumn),
                    f.ComponentKind.ToString(), Text(f.ComponentName), Text(f.Subject), f.Fingerprint,
                    f.Suppression?.Source switch
                    {
                        SuppressionSource.Inline => "inline",
                        SuppressionSource.Exception => "exception",
                        SuppressionSource.Accepted => "accepted",
                        _ => "",
                    },
                    Text(f.Suppression?.Justification ?? ""),
                ];
                for (var i = 0; i < values.Length; i++) row[Columns[i]].Set(values[i]);
            }
        }
        crlf.Flush();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// Sep ends rows with "\n"; RFC 4180 wants CRLF. A line feed inside a quoted field is data and stays as it is
    /// (quotes toggle the state; an escaped "" toggles twice).
    private sealed class CrlfWriter(TextWriter inner) : TextWriter
    {
        private bool _quoted;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Write([value]);

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        /// Passes the text on in runs, not a character at a time (each write to Console.Out is a system call).
        public override void Write(ReadOnlySpan<char> buffer)
        {
            var start = 0;
            for (var i = 0; i < buffer.Length; i++)
            {
                if (buffer[i] == '"') _quoted = !_quoted;
                else if (buffer[i] == '\n' && !_quoted)
                {
                    inner.Write(buffer[start..i]);
                    inner.Write('\r');
                    start = i;
                }
            }
            inner.Write(buffer[start..]);
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Flush() => inner.Flush();
    }
}
