namespace Orleans.Bandits.Harness;

/// <summary>Process exit codes, so scripts can tell a mistake in the command from a failure.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed while running (an unreachable server, load balancer or silo).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
}
