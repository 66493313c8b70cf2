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

    /// Runs write against a fresh writer and returns the document with a final newline.
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
