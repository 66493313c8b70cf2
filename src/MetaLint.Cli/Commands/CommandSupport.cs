using System.Globalization;
using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;

namespace MetaLint.Cli.Commands;

/// Loading steps the commands share; each returns null after telling the user why (exit code 2).
internal static class CommandSupport
{
    /// The run's rules.yml (--config, else the nearest one), or null after "config file not found" or
    /// "invalid configuration".
    public static MetaLintConfig? LoadConfig(CliOutput io, string? configPath, string firstPath)
    {
        try
        {
            if (configPath != null && !File.Exists(configPath))
            {
                io.Error.WriteLine($"metalint: config file not found: {configPath}");
                return null;
            }
            return ConfigLoader.LoadOrDefault(ConfigLoader.Locate(configPath, firstPath));
        }
        catch (ConfigException e)
        {
            io.Error.WriteLine($"metalint: invalid configuration: {e.Message}");
            return null;
        }
    }

    /// Loads --baseline; (true, null) when none was given, (false, null) after an error.
    public static (bool Ok, Baseline? Baseline) LoadBaseline(CliOutput io, string? path)
    {
        if (path == null) return (true, null);
        if (!File.Exists(path))
        {
            io.Error.WriteLine($"metalint: baseline file not found: {path}");
            return (false, null);
        }
        try { return (true, BaselineLoader.Load(path)); }
        catch (BaselineException e)
        {
            io.Error.WriteLine($"metalint: invalid baseline: {e.Message}");
            return (false, null);
        }
    }

    /// The --environment entry of rules.yml; (true, null) when none was asked for.
    public static (bool Ok, EnvironmentGate? Gate) FindEnvironment(CliOutput io, MetaLintConfig config, string? name)
    {
        if (name == null) return (true, null);
        if (config.Environments.TryGetValue(name, out var gate)) return (true, gate);
        var known = config.Environments.Count == 0 ? "none" : string.Join(", ", config.Environments.Keys.Order(StringComparer.Ordinal));
        io.Error.WriteLine($"metalint: unknown environment '{name}' (environments in {config.Path ?? "rules.yml"}: {known})");
        return (false, null);
    }

    /// Applies a minimum score: true when the run should fail. A gate that does not fail only warns.
    public static bool BelowMinimum(CliOutput io, HealthScore? score, double min, bool fail, string what)
    {
        var text = min.ToString("0.##", CultureInfo.InvariantCulture);
        if (score?.Score is not { } value)
        {
            io.Error.WriteLine($"metalint: {(fail ? "error" : "warning")}: {what} needs a Health Check score of {text}, but no settings file could be scored");
            return fail;
        }
        if (value >= min) return false;
        io.Error.WriteLine($"metalint: {(fail ? "error" : "warning")}: approximate Health Check score " +
                           $"{value.ToString("0.0", CultureInfo.InvariantCulture)} is below {text} ({what})");
        return fail;
    }
}
