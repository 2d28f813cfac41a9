using Orleans.Bandits.Http.RateLimits;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// Buckets per API key under the tenant's, counted exactly on a clock that moves only when the test advances it: one
/// key at its limit does not hold back its tenant's other keys, and all of them together still spend one tenant bucket.
/// </summary>
public sealed class KeyRateLimitTests(KeyRateLimitClockFixture fixture) : IClassFixture<KeyRateLimitClockFixture>
{
    private const string Tenant = "tenant-many-keys";

    /// <summary>The tenant's burst spent a key's burst at a time: 400 / 100 keys fill it, the next one meets the tenant's limit.</summary>
    private const int KeysToSpendTheTenant = RateLimitClockFixture.Burst / KeyRateLimitClockFixture.KeyBurst;

    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task Each_key_gets_its_own_bucket_and_together_they_spend_their_tenants()
    {
        var keys = new List<string> { await _api.NewTenantKey(Tenant) };
        for (var i = 1; i <= KeysToSpendTheTenant; i++)
        {
            keys.Add(await _api.NewKey(Tenant));
        }

        foreach (var key in keys.Take(KeysToSpendTheTenant))
        {
            await AssertAcceptedThenRefused(key, KeyRateLimitClockFixture.KeyBurst, TenantRateLimits.KeyRefusal);
        }

        await AssertAcceptedThenRefused(keys[^1], 0, TenantRateLimits.TenantRefusal);

        // A second refills each key by its rate (50) and the tenant by its own (200): the four keys spend exactly that.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var key in keys.Take(KeysToSpendTheTenant))
        {
            await AssertAcceptedThenRefused(key, KeyRateLimitClockFixture.KeyPermitsPerSecond, TenantRateLimits.KeyRefusal);
        }

        await AssertAcceptedThenRefused(keys[^1], 0, TenantRateLimits.TenantRefusal);
    }

    private async Task AssertAcceptedThenRefused(string key, int accepted, string whose)
    {
        var (sent, problem, retryAfter) = await RateLimitProbe.AcceptedBeforeTheFirst429(_api, key, 2 * KeyRateLimitClockFixture.KeyBurst);
        Assert.Equal(accepted, sent);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.Equal($"{whose}; retry after 1 s.", problem?.GetProperty("detail").GetString());
    }
}
