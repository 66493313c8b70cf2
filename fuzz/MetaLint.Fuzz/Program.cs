using MetaLint.Core;
using MetaLint.Core.Configuration;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Rules;
using SharpFuzz;

// Fuzzes MetadataParser and the rules with one input: the first byte picks the file kind, the rest is the content.
// Any exception that escapes is a bug: a file must parse or become a ParseFailure, and rules must not throw.
//   MetaLint.Fuzz            AFL (afl-fuzz with SharpFuzz instrumentation)
//   MetaLint.Fuzz libfuzzer  libFuzzer (libfuzzer-dotnet)
//   MetaLint.Fuzz FILE...    replay inputs once each, outside any fuzzer (crash reproduction, corpus smoke test)
var engine = new RuleEngine(RuleCatalog.All, MetaLintConfig.Default);

if (args.Length == 0) Fuzzer.OutOfProcess.Run(stream => Check(Read(stream)));
else if (args[0] == "libfuzzer") Fuzzer.LibFuzzer.Run(span => Check(span.ToArray()));
else
{
    foreach (var path in args)
    {
        Check(File.ReadAllBytes(path));
        Console.WriteLine($"ok {path}");
    }
}

void Check(byte[] input)
{
    if (input.Length == 0) return;
    var (kind, decomposed) = (input[0] % 5) switch
    {
        0 => (MetadataKind.Profile, false),
        1 => (MetadataKind.PermissionSet, false),
        2 => (MetadataKind.MutingPermissionSet, false),
        3 => (MetadataKind.PermissionSetGroup, false),
        _ => (MetadataKind.PermissionSet, true),
    };
    var file = new SourceFile("/fuzz/input", "input", kind, "Fuzz", decomposed ? "permissionsets/Fuzz" : null);
    var parsed = MetadataParser.Parse(file, new MemoryStream(input, 1, input.Length - 1));
    if (parsed.Failure is { } failure)
    {
        if (failure.Location.Span.StartLine < 1 || failure.Location.Span.StartColumn < 1)
            throw new InvalidOperationException($"failure outside the file: {failure.Location.Span}");
        if (failure.Message.Contains("internal error", StringComparison.Ordinal))
            throw new InvalidOperationException("parser bug: " + failure.Message);
    }
    var findings = engine.Run(Analyzer.BuildModel([parsed]));
    if (parsed.Failure != null && findings.Count(f => f.RuleId == "ML0001") != 1)
        throw new InvalidOperationException("a failed parse must give exactly one ML0001");
}

static byte[] Read(Stream stream)
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}
