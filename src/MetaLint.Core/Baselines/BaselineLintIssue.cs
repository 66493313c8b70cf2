namespace MetaLint.Core.Baselines;

/// One problem `metalint baseline lint` found: where, and what. None of them stops a baseline from loading.
public sealed record BaselineLintIssue(BaselineOrigin Origin, string Key, string Message)
{
    public override string ToString() => $"{Origin}: {Key}: {Message}";
}
