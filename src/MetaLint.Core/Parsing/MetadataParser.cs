using System.Text;
using System.Xml;
using MetaLint.Core.IO;
using MetaLint.Core.Model;

namespace MetaLint.Core.Parsing;

/// Streams one metadata file with XmlReader into the model, keeping the span of every element rules report on.
/// DTDs are prohibited and nothing is ever resolved; subtrees no rule reads are skipped unread.
internal static class MetadataParser
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = false,   // inline suppressions are comments
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// Parses the file on disk; only a regular file of at most limit bytes is read (a FIFO, a device or a link to
    /// one, or a larger file becomes a ParseFailure naming why, never a hang).
    /// wrap, when given, wraps the file's stream before the parser reads it (RetainingStream keeps a copy).
    public static ParsedFile Parse(SourceFile file, long limit = InputFile.DefaultMetadataLimit, Func<Stream, Stream>? wrap = null)
    {
        try
        {
            // Not XmlReader.Create(string): it would treat the path as a URI and decode "%2F".
            // Disposed here too: wrap may throw while it reads (a file that grows past the limit), before stream owns it.
            using var input = InputFile.OpenRead(file.FullPath, limit, "file");
            var wrapped = wrap?.Invoke(input) ?? input;
            // A file already in memory needs no buffer (one copy less).
            using var stream = wrapped is RetainingStream { Whole: not null } ? wrapped : new BufferedStream(wrapped, 64 * 1024);
            return Parse(file, stream);
        }
        catch (InputFileException) when (InputFile.Kind(file.FullPath) == FileKind.Missing)
        {
            return Failed(file, 1, 1, Missing(file.FullPath));
        }
        catch (InputFileException e)
        {
            return Failed(file, 1, 1, e.Reason);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(file, 1, 1, Missing(file.FullPath));
        }
        catch (UnauthorizedAccessException)
        {
            return Failed(file, 1, 1, "the file cannot be read: permission denied");
        }
        catch (IOException e)
        {
            return Failed(file, 1, 1, $"the file cannot be read: {e.Message}");
        }
    }

    private static string Missing(string path) =>
        // .NET reads file names as UTF-8; bytes that are not come back as U+FFFD and the name cannot be opened.
        path.Contains('\uFFFD') ? "its name is not valid UTF-8, so MetaLint cannot open it and its content was not analysed; rename it" :
        InputFile.Kind(path, followLinks: false) == FileKind.Symlink ? "the file cannot be read: it is a symbolic link that loops or whose target does not exist" :
        "the file no longer exists (deleted or moved while MetaLint was running?)";

    /// Parses a file's content from a stream the caller owns (also the entry point for fuzzing); read errors of
    /// the stream propagate, everything the content can cause becomes a ParseFailure.
    public static ParsedFile Parse(SourceFile file, Stream stream)
    {
        if (stream.CanSeek && stream.Length == 0) return Failed(file, 1, 1, "the file is empty");
        return Guarded(file, () => XmlReader.Create(stream, Settings),
            () => stream.CanSeek ? FindDoctype(stream) : (1, 1));
    }

    /// Parses text already decoded (an editor's buffer): the XML declaration's encoding is not applied again.
    public static ParsedFile ParseText(SourceFile file, string text)
    {
        if (text.Length == 0) return Failed(file, 1, 1, "the file is empty");
        return Guarded(file, () => XmlReader.Create(new StringReader(text), Settings), () => Locate(text, "<!DOCTYPE"));
    }

    /// Reads a document, turning everything its content can cause into a ParseFailure at the failing position.
    private static ParsedFile Guarded(SourceFile file, Func<XmlReader> open, Func<(int Line, int Column)> doctype)
    {
        try
        {
            using var reader = open();
            var parser = new Reader(reader, file);
            var (content, settings) = parser.ReadDocument();
            return new ParsedFile(file, content, null) { Settings = settings, Directives = parser.Directives };
        }
        catch (XmlException e) when (IsDtdError(e))
        {
            var (line, column) = doctype();
            return Failed(file, line, column,
                "the file contains a DTD (<!DOCTYPE ...>); metadata files never do, and MetaLint does not process DTDs");
        }
        catch (XmlException e)
        {
            return Failed(file, Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1), Describe(e));
        }
        catch (UnexpectedRootException e)
        {
            return Failed(file, e.Line, e.Column, e.Message);
        }
        catch (DecoderFallbackException e)
        {
            return Failed(file, 1, 1, $"the file is not valid text in its declared encoding: {e.Message}");
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
        {
            // Last line of defence: a parser bug must cost one file, never the run or the other files.
            return Failed(file, 1, 1, $"internal error while parsing ({e.GetType().Name}: {e.Message}); please report it");
        }
    }

    private static ParsedFile Failed(SourceFile file, int line, int column, string message) =>
        new(file, null, new ParseFailure(
            new SourceLocation(file, new SourceSpan(line, column, line, column)), message));

    private static bool IsDtdError(XmlException e) => e.LineNumber == 0 && e.Message.Contains("DTD", StringComparison.Ordinal);

    /// XmlReader reports a prohibited DTD at 0:0, so find "<!DOCTYPE" in the prolog ourselves (error path only).
    private static (int Line, int Column) FindDoctype(Stream stream)
    {
        try
        {
            stream.Position = 0;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var buffer = new char[64 * 1024];
            return Locate(new string(buffer, 0, reader.ReadBlock(buffer)), "<!DOCTYPE");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (1, 1);
        }
    }

    /// 1-based line and column of the first occurrence of what in text; (1, 1) when absent.
    private static (int Line, int Column) Locate(string text, string what)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        if (at < 0) return (1, 1);
        var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        return (text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
    }

    private static string Describe(XmlException e)
    {
        var message = e.Message;
        if (message.StartsWith("Invalid character in the given encoding", StringComparison.Ordinal))
            return "the file is not valid text in its encoding (UTF-8 unless a byte order mark or the XML declaration says otherwise)";
        // XmlException appends "Line n, position m." which the finding's location already carries.
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private sealed class UnexpectedRootException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    /// One pass over one document; the XmlReader never escapes this class.
    private sealed class Reader(XmlReader r, SourceFile file)
    {
        private readonly IXmlLineInfo _li = (IXmlLineInfo)r;

        public List<InlineDirective> Directives { get; } = [];

        /// Moves past a non-element node, keeping it when it is a MetaLint directive comment.
        private void SkipNodeKeepingDirective()
        {
            if (r.NodeType == XmlNodeType.Comment)
            {
                var value = r.Value;
                if (value.Contains(InlineDirective.Keyword, StringComparison.Ordinal))
                {
                    // LinePosition points just after "<!--"; the comment ends after its text and "-->".
                    int line = _li.LineNumber, column = Math.Max(_li.LinePosition - 4, 1);
                    var lastBreak = value.LastIndexOf('\n');
                    var endLine = line + value.AsSpan().Count('\n');
                    var endColumn = lastBreak < 0 ? _li.LinePosition + value.Length + 3 : value.Length - lastBreak + 3;
                    if (InlineDirective.TryParse(value, Location(line, column, endLine, endColumn)) is { } d)
                        Directives.Add(d);
                }
            }
            r.Read();
        }

        public (PermissionContainer? Container, SettingsComponent? Settings) ReadDocument()
        {
            r.MoveToContent();
            var root = r.LocalName;
            PermissionContainer? container = null;
            SettingsComponent? settings = null;
            if (file.DecomposedSet != null)
            {
                container = new PermissionContainer(file.Kind, file.ComponentName);
                ReadDecomposedChild(root, container);
            }
            else if (root != file.Kind.RootElement())
            {
                throw new UnexpectedRootException(
                    $"expected root element <{file.Kind.RootElement()}> for a {file.Kind.Label().ToLowerInvariant()} file, found <{r.Name}>",
                    _li.LineNumber, StartColumn());
            }
            else
            {
                switch (file.Kind)
                {
                    case MetadataKind.SecuritySettings: settings = ReadSecuritySettings(); break;
                    case MetadataKind.ProfilePasswordPolicy: settings = ReadProfilePolicy(new ProfilePasswordPolicy(file)); break;
                    case MetadataKind.ProfileSessionSetting: settings = ReadProfilePolicy(new ProfileSessionSetting(file)); break;
                    default:
                        container = new PermissionContainer(file.Kind, file.ComponentName);
                        ReadContainer(container);
                        break;
                }
            }
            // Read to the end so that anything malformed after the root still fails the file.
            while (r.Read()) { }
            return (container, settings);
        }

        /// Reads every child of the root the same way: networkAccess as its ranges, anything else as a value or
        /// a group of values (what each setting reads from them is the setting catalogue's business).
        private SecuritySettings ReadSecuritySettings()
        {
            var s = new SecuritySettings(file);
            ReadBlock(child =>
            {
                if (IsNil()) { r.Skip(); return true; }   // xsi:nil means absent, for groups as for values
                if (child == "networkAccess") { s.NetworkAccess = ReadNetworkAccess(); return true; }
                var values = new List<(string, TextField)>();
                var text = ReadText(leaf =>
                {
                    if (ReadText() is { } value) values.Add((leaf, value));
                    return true;
                })!;
                var element = new SecuritySettingsChild(text);
                foreach (var (name, value) in values) element.Values[name] = value;
                s.Elements[child] = element;
                return true;
            });
            return s;
        }

        private NetworkAccess ReadNetworkAccess()
        {
            var ranges = new List<TrustedIpRange>();
            var location = ReadBlock(child =>
            {
                if (child != "ipRanges") return false;
                string? start = null, end = null;
                var block = ReadBlock(field =>
                {
                    switch (field)
                    {
                        case "start": start = ReadText() is { } s ? s.Value.TrimXml() : null; return true;
                        case "end": end = ReadText() is { } e ? e.Value.TrimXml() : null; return true;
                        default: return false;
                    }
                });
                ranges.Add(new TrustedIpRange(start, end, block));
                return true;
            });
            var access = new NetworkAccess(location);
            access.IpRanges.AddRange(ranges);
            return access;
        }

        private ProfilePolicy ReadProfilePolicy(ProfilePolicy policy)
        {
            ReadBlock(child =>
            {
                var text = ReadText();
                if (child == "profile") policy.Profile = text;
                else if (text != null) policy.Values[child] = text;
                return true;
            });
            return policy;
        }

        private void ReadDecomposedChild(string root, PermissionContainer container)
        {
            switch (root)
            {
                case "PermissionSet": ReadContainer(container); break;           // Beta2 child or the set's own file
                case "UserPermission": ReadUserPermission(container); break;     // Beta: one entry per file
                case "ObjectPermission": ReadObjectPermission(container); break;
                default: r.Skip(); break;                                         // other Beta entry types: no rule reads them
            }
        }

        private void ReadContainer(PermissionContainer c)
        {
            if (r.IsEmptyElement) { r.Read(); return; }
            r.Read();
            while (!r.EOF && r.NodeType != XmlNodeType.EndElement)
            {
                if (r.NodeType != XmlNodeType.Element) { SkipNodeKeepingDirective(); continue; }
                switch (r.LocalName)
                {
                    case "userPermissions": ReadUserPermission(c); break;
                    case "objectPermissions": ReadObjectPermission(c); break;
                    case "loginIpRanges" when c.Kind == MetadataKind.Profile: ReadLoginIpRange(c); break;
                    case "userLicense" when c.Kind == MetadataKind.Profile: c.UserLicense = ReadText(); break;
                    case "custom" when c.Kind == MetadataKind.Profile: c.IsStandardProfile = IsFalse(ReadText()?.Value); break;
                    case "userLicense" or "license" when c.Kind != MetadataKind.Profile:
                        var isLicense = r.LocalName == "license";   // API 38+; wins over legacy userLicense
                        var license = ReadText();
                        if (license != null && (isLicense || c.License == null)) c.License = license;
                        break;
                    default: r.Skip(); break;
                }
            }
            r.Read();
        }

        private void ReadUserPermission(PermissionContainer c)
        {
            string? name = null;
            SourceLocation? nameLocation = null;
            var enabled = false;
            ReadBlock(child =>
            {
                switch (child)
                {
                    case "name":
                        var text = ReadText();
                        if (text != null) { name = text.Value.TrimXml(); nameLocation = text.Location; }
                        return true;
                    case "enabled":
                        enabled = IsTrue(ReadText()?.Value);
                        return true;
                    default: return false;
                }
            });
            if (name is { Length: > 0 } && nameLocation != null)
                c.UserPermissions.Add(new UserPermission(name, enabled, nameLocation));
        }

        private void ReadObjectPermission(PermissionContainer c)
        {
            string? objectName = null;
            BoolField? create = null, read = null, edit = null, delete = null, modifyAll = null, viewAll = null, viewAllFields = null;
            var block = ReadBlock(child =>
            {
                switch (child)
                {
                    case "object": objectName = ReadText() is { } o ? o.Value.TrimXml() : null; return true;
                    case "allowCreate": create = ReadBool(); return true;
                    case "allowRead": read = ReadBool(); return true;
                    case "allowEdit": edit = ReadBool(); return true;
                    case "allowDelete": delete = ReadBool(); return true;
                    case "modifyAllRecords": modifyAll = ReadBool(); return true;
                    case "viewAllRecords": viewAll = ReadBool(); return true;
                    case "viewAllFields": viewAllFields = ReadBool(); return true;
                    default: return false;
                }
            });
            if (objectName is not { Length: > 0 }) return;
            c.ObjectPermissions.Add(new ObjectPermission(objectName, block)
            {
                AllowCreate = create, AllowRead = read, AllowEdit = edit, AllowDelete = delete,
                ModifyAllRecords = modifyAll, ViewAllRecords = viewAll, ViewAllFields = viewAllFields,
            });
        }

        private void ReadLoginIpRange(PermissionContainer c)
        {
            string? start = null, end = null;
            var block = ReadBlock(child =>
            {
                switch (child)
                {
                    case "startAddress": start = ReadText() is { } s ? s.Value.TrimXml() : null; return true;
                    case "endAddress": end = ReadText() is { } e ? e.Value.TrimXml() : null; return true;
                    default: return false;
                }
            });
            c.LoginIpRanges.Add(new LoginIpRange(start, end, block));
        }

        /// Reads an element's children, handing each child's local name to readChild (which consumes it and
        /// returns true, or returns false to have it skipped). Returns the span of the whole element.
        private SourceLocation ReadBlock(Func<string, bool> readChild)
        {
            int line = _li.LineNumber, column = StartColumn();
            if (r.IsEmptyElement)
            {
                var empty = EmptyElementEnd(line, column);
                r.Read();
                return Location(line, column, empty.Line, empty.Column);
            }
            r.Read();
            while (!r.EOF && r.NodeType != XmlNodeType.EndElement)
            {
                if (r.NodeType != XmlNodeType.Element) { SkipNodeKeepingDirective(); continue; }
                if (!readChild(r.LocalName)) r.Skip();
            }
            var (endLine, endColumn) = EndTagEnd();
            r.Read();
            return Location(line, column, endLine, endColumn);
        }

        private BoolField? ReadBool() => ReadText() is { } t ? new BoolField(IsTrue(t.Value), t.Location) : null;

        /// Reads a leaf element's text and span; xsi:nil elements read as absent (null). Child elements are
        /// skipped, or handed to readChild (as ReadBlock does) with comments between them kept as directives.
        private TextField? ReadText(Func<string, bool>? readChild = null)
        {
            int line = _li.LineNumber, column = StartColumn();
            // xsi:nil="true" means absent, even when the element (invalidly) has content.
            var nil = IsNil();
            if (r.IsEmptyElement)
            {
                var end = EmptyElementEnd(line, column);
                r.Read();
                return nil ? null : new TextField("", Location(line, column, end.Line, end.Column));
            }
            if (nil) { r.Skip(); return null; }
            r.Read();
            string? first = null;
            StringBuilder? more = null;
            while (!r.EOF && r.NodeType != XmlNodeType.EndElement)
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Element:
                        if (readChild == null || !readChild(r.LocalName)) r.Skip();
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (first == null) first = r.Value;
                        else (more ??= new StringBuilder(first)).Append(r.Value);
                        r.Read();
                        break;
                    default:
                        if (readChild != null) SkipNodeKeepingDirective(); else r.Read();
                        break;
                }
            }
            var (endLine, endColumn) = EndTagEnd();
            r.Read();
            return new TextField(more?.ToString() ?? first ?? "", Location(line, column, endLine, endColumn));
        }

        private bool IsNil() => r.HasAttributes && r.GetAttribute("nil", XsiNamespace) is { } n && IsTrue(n);

        /// Column of the start tag's '<' (LinePosition points at the name, one past it).
        private int StartColumn() => Math.Max(_li.LinePosition - 1, 1);

        /// Exclusive end column of the current end tag: LinePosition points at the name after "</".
        private (int Line, int Column) EndTagEnd() => (_li.LineNumber, _li.LinePosition + r.Name.Length + 1);

        /// Exclusive end of an empty element "<name a="v"/>", estimated from its last attribute.
        private (int Line, int Column) EmptyElementEnd(int line, int column)
        {
            var end = (Line: line, Column: column + 1 + r.Name.Length + 2);
            if (r.MoveToFirstAttribute())
            {
                do
                {
                    end = (_li.LineNumber, _li.LinePosition + r.Name.Length + 2 + r.Value.Length + 1 + 2);
                } while (r.MoveToNextAttribute());
                r.MoveToElement();
            }
            return end;
        }

        private SourceLocation Location(int line, int column, int endLine, int endColumn) =>
            new(file, new SourceSpan(line, column, endLine, endColumn));
    }

    /// Metadata booleans: "true" or "1" grant, with surrounding whitespace; anything else does not.
    /// A literal false (or 0); anything else, missing included, is not false.
    internal static bool IsFalse(string? value)
    {
        if (value == null) return false;
        var v = value.TrimXml();
        return v == "0" || v.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsTrue(string? value)
    {
        if (value == null) return false;
        var v = value.TrimXml();
        return v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase);
    }
}
