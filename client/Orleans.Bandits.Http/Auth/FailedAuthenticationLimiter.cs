using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Failed authentications per client address (<see cref="AuthOptions.FailuresPerSecondPerAddress"/>, a burst of twice
/// that, then 429), one budget for every route that checks a key: <c>/v1</c>, <c>/metrics</c> and the Orleans
/// dashboard's HTTP Basic login. Guessing a key, the admin key included, is equally slow wherever it is tried.
/// </summary>
public sealed class FailedAuthenticationLimiter(IOptions<BanditsHttpOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Auth.FailuresPerSecondPerAddress * 2,
            TokensPerPeriod = options.Value.Auth.FailuresPerSecondPerAddress,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    /// <summary>Counts a failed authentication from the request's address: <c>null</c> while it is within its budget (answer 401), else the 429 to answer.</summary>
    public IResult? CountFailure(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = "1";
        return Problems.Status(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many failed authentications.", "This address sent too many requests without a valid key; retry after 1 s.");
    }

    public void Dispose() => _failures.Dispose();
}
