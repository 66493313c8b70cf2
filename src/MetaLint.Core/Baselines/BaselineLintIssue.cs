namespace MetaLint.Core.Baselines;

/// One problem `metalint baseline lint` found: where, and what. None of them stops a baseline from loading.
internal sealed record BaselineLintIssue(BaselineOrigin Origin, string Key, string Message)
{
    public override string ToString() => $"{Origin}: {Key}: {Message}";
}
