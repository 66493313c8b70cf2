namespace MetaLint.Cli;

/// Process exit codes (README, Exit codes): 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
