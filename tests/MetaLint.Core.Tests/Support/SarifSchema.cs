using NJsonSchema;

namespace MetaLint.Core.Tests.Support;

/// Validates SARIF text against the official 2.1.0 schema from the Sarif.Sdk package.
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "sarif-2.1.0.json")).GetAwaiter().GetResult());

    public static IReadOnlyList<string> Errors(string sarif) =>
        Schema.Value.Validate(sarif).Select(e => $"{e.Path}: {e.Kind}").ToList();

    public static void ShouldBeValid(string sarif)
    {
        var errors = Errors(sarif);
        errors.ShouldBeEmpty("SARIF must validate against sarif-2.1.0.json:\n" + string.Join("\n", errors.Take(20)));
    }
}
