using System.Text.Json;

namespace MetaLint.Cli.Tests;

/// Settings the shipped tool runs with, which the in-process tests cannot observe directly.
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_tool_runs_with_invariant_globalization_so_no_locale_changes_how_dates_or_numbers_are_read()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "metalint.runtimeconfig.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(config));
        doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .GetProperty("System.Globalization.Invariant").GetBoolean().ShouldBeTrue();
    }
}
