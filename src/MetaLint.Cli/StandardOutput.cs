namespace MetaLint.Cli;

/// Standard output as commands see it: a write that fails (a full disk behind a redirect, /dev/full, a closed pipe)
/// is an IOException that says it was standard output, for the one error line.
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;
    public override IFormatProvider FormatProvider => inner.FormatProvider;
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine { get => inner.NewLine; set => inner.NewLine = value; }

    public override void Write(char value) { try { inner.Write(value); } catch (IOException e) { throw Failed(e); } }
    public override void Write(string? value) { try { inner.Write(value); } catch (IOException e) { throw Failed(e); } }
    public override void Write(char[] buffer, int index, int count)
    {
        try { inner.Write(buffer, index, count); } catch (IOException e) { throw Failed(e); }
    }
    public override void WriteLine() { try { inner.WriteLine(); } catch (IOException e) { throw Failed(e); } }
    public override void WriteLine(string? value) { try { inner.WriteLine(value); } catch (IOException e) { throw Failed(e); } }
    public override void Flush() { try { inner.Flush(); } catch (IOException e) { throw Failed(e); } }

    private static IOException Failed(IOException e) => new($"cannot write to standard output: {e.Message}", e);
}
