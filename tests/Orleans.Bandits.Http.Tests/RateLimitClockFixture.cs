using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Auth on, 200 requests a second per tenant with a burst of 400, on a rate-limit clock that moves only when a test advances it.</summary>
public class RateLimitClockFixture : SiloWithApiFixture
{
    public const int PermitsPerSecond = 200;
    public const int Burst = 400;

    public FakeTimeProvider Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:RateLimit:PermitsPerSecond"] = $"{PermitsPerSecond}",
        ["Bandits:RateLimit:Burst"] = $"{Burst}",
    };

    protected override Action<ISiloBuilder>? ConfigureSilo => silo => silo.Services.AddKeyedSingleton<TimeProvider>(RateLimitClock.Key, Clock);
}
