namespace Orleans.Bandits.Cli;

/// <summary>Process exit codes, so scripts can tell a mistake in the command from a failure.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed while running (not the user's options).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown option, bad value, unknown policy or parameter.</summary>
    public const int Usage = 2;
}
