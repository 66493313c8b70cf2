using System.Text;
using CsCheck;
using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;

namespace MetaLint.Core.Tests.Properties;

/// Fuzzing of the loaders that read repository configuration: random and mutated inputs end either in a result or
/// in the loader's documented error (ConfigException, BaselineException), never another exception, never a hang.
public sealed class LoaderFuzzTests
{
    private const int Iterations = 400;

    /// Mutations of a valid seed: characters from the seed's own syntax inserted, deleted or replaced.
    private static Gen<string> Mutated(string seed, string alphabet) =>
        Gen.Select(Gen.Int[0, 12].SelectMany(n => Gen.Select(Gen.Int[0, 2], Gen.Int, Gen.Char[alphabet]).Array[n]), ops =>
        {
            var sb = new StringBuilder(seed);
            foreach (var (op, at, c) in ops)
            {
                var i = (int)((uint)at % (uint)(sb.Length + 1));
                if (op == 0) sb.Insert(i, c);
                else if (sb.Length > 0 && i < sb.Length) { if (op == 1) sb.Remove(i, 1); else sb[i] = c; }
            }
            return sb.ToString();
        });

    private static Gen<string> Random(string alphabet) => Gen.String[Gen.Char[alphabet], 0, 200];

    private static void Completes(Action action)
    {
        var task = Task.Run(action);
        task.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the loader did not finish");
        task.GetAwaiter().GetResult();
    }

    private const string YamlSeed = """
        rules:
          ML1001: { enabled: false }
          ML1006:
            level: error
            extra-permissions: [ViewSetup, "x"]
        exclude:
          - "**/Referenced Packages/**"
        exceptions:
          - rule: ML1003
            component: Admin
            justification: ok
            expires: 2026-12-31
        environments:
          prod: { min-score: 80, fail: true }
        """;

    private const string YamlAlphabet = " \n\t:-[]{},&*!|>'\"#%@`?\\aZ0\u0000\uD800\u00e9";

    [Fact]
    public void Rules_yml_loader_throws_only_ConfigException() =>
        Gen.OneOf(Mutated(YamlSeed, YamlAlphabet), Random(YamlAlphabet)).Sample(text => Completes(() =>
        {
            try { ConfigLoader.Parse(text, "rules.yml"); }
            catch (ConfigException) { }
        }), iter: Iterations, threads: 1);

    private const string JsonSeed = """
        [
          { "setting": "MinimumPasswordLength", "group": "Password Policies", "riskType": "HIGH_RISK", "standardValue": "12" },
          { "setting": "SessionTimeout", "riskType": "MEDIUM_RISK", "standardValue": 120,
            "xml": { "element": "numericRangeSetting", "compliant": "120", "warning": "240" } }
        ]
        """;

    private const string JsonAlphabet = " \n[]{},:\"\\u0DE9+-.eE/*truefalsn\u0000\uFFFF";

    private const string XmlSeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <baseline name="B" developerName="B"><highRiskSettings>
          <numericRangeSetting name="PasswordPolicies.minPasswordLength" compliant="12" warning="8"/>
          <booleanSetting name="SessionSettings.csrfGet" compliant="true" nonCompliant="critical"/>
        </highRiskSettings></baseline>
        """;

    private const string XmlAlphabet = " \n<>/=\"'&;!?[]-abx#\u0000\u00e9";

    private static void LoadsOrRefuses(string text)
    {
        try { BaselineLoader.Parse(Encoding.UTF8.GetBytes(text), "b", "b"); }
        catch (BaselineException) { }
    }

    [Fact]
    public void Json_baseline_loader_throws_only_BaselineException() =>
        Gen.OneOf(Mutated(JsonSeed, JsonAlphabet), Random(JsonAlphabet).Select(s => "[" + s))
            .Sample(text => Completes(() => LoadsOrRefuses(text)), iter: Iterations, threads: 1);

    [Fact]
    public void Xml_baseline_loader_throws_only_BaselineException() =>
        Gen.OneOf(Mutated(XmlSeed, XmlAlphabet), Random(XmlAlphabet).Select(s => "<" + s))
            .Sample(text => Completes(() => LoadsOrRefuses(text)), iter: Iterations, threads: 1);

    [Fact]
    public void Json_baseline_bytes_that_are_not_UTF_8_throw_only_BaselineException() =>
        Gen.Byte.Array[0, 300].Select(b => (byte[])[(byte)'[', .. b]).Sample(bytes => Completes(() =>
        {
            try { BaselineLoader.Parse(bytes, "b", "b"); }
            catch (BaselineException) { }
        }), iter: Iterations, threads: 1);

    private const string GlobAlphabet = "*?[]!/\\#-a.b ";

    [Fact]
    public void Ignore_patterns_compile_and_match_without_throwing() =>
        Gen.Select(Gen.String[Gen.Char[GlobAlphabet], 0, 30].Array[0, 20], Gen.String[Gen.Char["ab./*?[]"], 0, 60])
            .Sample((patterns, path) => Completes(() =>
            {
                var rules = new IgnoreRules(patterns);
                rules.IsIgnored(path.Trim('/'), false);
                rules.IsIgnoredEntry(path, true);
            }), iter: Iterations / 4, threads: 1);
}
