using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MetaLint.Core.IO;

/// How MetaLint writes JSON everywhere: indented, "\n" line ends, readable (unescaped) non-ASCII text.
internal static class JsonText
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// Runs write against a writer that streams into output, then ends the document with a newline. The writer is
    /// flushed whenever the caller asks (Flushed), so a long document is never held whole.
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var sink = new Utf8TextWriterStream(output);
        using (var w = new Utf8JsonWriter(sink, Options)) write(w);
        sink.WriteByte((byte)'\n');
    }

    /// Flushes the writer's buffer to its stream once it holds more than FlushAt bytes; call it between items.
    public static void Flushed(Utf8JsonWriter w)
    {
        if (w.BytesPending >= FlushAt) w.Flush();
    }

    private const int FlushAt = 32 * 1024;

    /// Runs write against a fresh writer and returns the document with a final newline.
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
