using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using MetaLint.Core;
using MetaLint.Core.Configuration;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Rules;

namespace MetaLint.Benchmarks;

/// Parser and rules on one large profile held in memory (no disk), against raw XmlReader on the same bytes.
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
        IgnoreWhitespace = true, IgnoreComments = true, IgnoreProcessingInstructions = true,
    };

    private byte[] _bytes = [];
    private SourceFile _file = null!;
    private MetadataModel _model = null!;
    private RuleEngine _engine = null!;

    /// Objects x fields of the generated profile; 400 x 40 gives about 2.7 MB and 16,000 fieldPermissions.
    [Params(400)]
    public int Objects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Encoding.UTF8.GetBytes(SyntheticProfile.Generate(Objects, fields: 40));
        _file = new SourceFile("/bench/Admin.profile-meta.xml", "Admin.profile-meta.xml", MetadataKind.Profile, "Admin");
        _model = Analyzer.BuildModel([MetadataParser.Parse(_file, new MemoryStream(_bytes))]);
        _engine = new RuleEngine(RuleCatalog.All, MetaLintConfig.Default);
        Console.WriteLine($"// profile: {_bytes.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "XmlReader: Read() every node")]
    public int XmlReaderReadAll()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        var n = 0;
        while (reader.Read()) n++;
        return n;
    }

    [Benchmark(Description = "XmlReader: Skip() every child of the root")]
    public int XmlReaderSkipChildren()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        reader.MoveToContent();
        reader.Read();
        var n = 0;
        while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.Element) { n++; reader.Skip(); }
            else reader.Read();
        }
        return n;
    }

    [Benchmark(Description = "MetadataParser.Parse")]
    public int Parse() => MetadataParser.Parse(_file, new MemoryStream(_bytes)).Content!.ObjectPermissions.Count;

    [Benchmark(Description = "RuleEngine.Run (parsed model)")]
    public int Rules() => _engine.Run(_model).Count;

    [Benchmark(Description = "Parse + model + rules")]
    public int ParseAndRules() =>
        _engine.Run(Analyzer.BuildModel([MetadataParser.Parse(_file, new MemoryStream(_bytes))])).Count;
}
