namespace Orleans.Bandits.Cli;

/// <summary>
/// Process exit codes, so scripts can tell a mistake in the command from a refusal by the platform and
/// from a platform that is not there: only the last is worth retrying as it stands.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed while running (not the user's options).</summary>
    public const int Failure = 1;

    /// <summary>
    /// The command line was wrong: unknown option, bad value, unknown policy or parameter; or the API refused
    /// the request as invalid (HTTP 400, 413).
    /// </summary>
    public const int Usage = 2;

    /// <summary>
    /// The API refused the request in the platform's present state: no such experiment, arm, tenant or key
    /// (HTTP 404), it exists already or no arm is available (409), the token's time is over (410).
    /// </summary>
    public const int Rejected = 3;

    /// <summary>
    /// The API could not be reached, did not answer in time, was over its rate limit (HTTP 429) or failed (5xx);
    /// the same command may succeed later.
    /// </summary>
    public const int Unavailable = 4;

    /// <summary>The API key is missing or unknown (HTTP 401) or belongs to another tenant (403).</summary>
    public const int Denied = 5;
}
