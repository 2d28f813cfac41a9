using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Authenticates every <c>/v1</c> request before anything reads its body, so a request without a valid key is
/// answered 401 having cost no parsing and told nothing about the route's body. Failed attempts are limited per
/// client address (<see cref="AuthOptions.FailuresPerSecondPerAddress"/>, then 429): guessing keys, or sending
/// random ones to make the cluster look them up, is slow.
/// </summary>
public sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyAuthenticator authenticator, IOptions<BanditsHttpOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Auth.FailuresPerSecondPerAddress * 2,
            TokensPerPeriod = options.Value.Auth.FailuresPerSecondPerAddress,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var caller = await authenticator.AuthenticateAsync(context);
        if (caller is not null)
        {
            Tenancy.SetCaller(context, caller);
            await next(context);
            return;
        }

        using var lease = _failures.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!lease.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.Status(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many failed authentications.", "This address sent too many requests without a valid key; retry after 1 s.")
                .ExecuteAsync(context);
            return;
        }

        await AuthenticationFilter.Unauthorized(context).ExecuteAsync(context);
    }

    public void Dispose() => _failures.Dispose();
}
