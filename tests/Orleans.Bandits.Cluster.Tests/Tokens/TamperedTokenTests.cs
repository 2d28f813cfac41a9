using System.Buffers.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Bandits.Grains.Tokens;

namespace Orleans.Bandits.Cluster.Tests.Tokens;

[Collection(ClusterCollection.Name)]
public sealed class TamperedTokenTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task Every_single_bit_flip_and_truncation_of_a_real_token_is_rejected_and_changes_nothing()
    {
        var name = Fixtures.Experiments.NewName("tamper");
        await fixture.Client.CreateAsync(name);
        var token = (await fixture.Client.SelectAsync(Tenant, name)).Token!;
        var bytes = Base64Url.DecodeFromChars(token);

        var attempts = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            await AssertRejected(Base64Url.EncodeToString(flipped), BanditsErrorKind.InvalidToken);
            attempts++;
        }

        for (var length = 0; length < bytes.Length; length++)
        {
            await AssertRejected(Base64Url.EncodeToString(bytes.AsSpan(0, length)), BanditsErrorKind.InvalidToken);
            attempts++;
        }

        await AssertRejected(token + "A", BanditsErrorKind.InvalidToken);
        await AssertRejected("not a token at all!", BanditsErrorKind.InvalidToken);
        Assert.Equal(bytes.Length * 9, attempts);

        // The untouched token still works, and it is the only thing ever learned.
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1));
        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.TrainedEvents);
        Assert.Equal(0, stats.DuplicatesDropped);
    }

    [Fact]
    public async Task Another_tenants_token_is_forbidden()
    {
        var name = Fixtures.Experiments.NewName("tenant");
        await fixture.Client.CreateAsync(name);
        var token = (await fixture.Client.SelectAsync(Tenant, name)).Token!;
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync("other-tenant", new FeedbackRequest(token, 1)));
        Assert.Equal(BanditsErrorKind.Forbidden, error.Kind);
        var stats = await fixture.Client.GetStatsAsync(Tenant, name);
        Assert.Equal(0, stats.TrainedEvents);
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired()
    {
        var name = Fixtures.Experiments.NewName("expiry");
        await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["a", "b"], FeedbackWindowSeconds: 1));
        var token = (await fixture.Client.SelectAsync(Tenant, name)).Token!;
        await Task.Delay(1_200);
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1)));
        Assert.Equal(BanditsErrorKind.TokenExpired, error.Kind);
    }

    [Fact]
    public async Task A_token_signed_by_a_retired_key_is_refused()
    {
        var name = Fixtures.Experiments.NewName("retired-key");
        await fixture.Client.CreateAsync(name);
        var retired = new TokenKey("retired-key", Enumerable.Repeat((byte)7, 32).ToArray());
        var signer = new TokenService([retired], retired.Id);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var forged = signer.Sign(new SelectionToken(Tenant, name, 0, 1, null, null, now, now + 60_000, 42, 0));

        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(forged, 1)));
        Assert.Equal(BanditsErrorKind.InvalidToken, error.Kind);
        Assert.Contains("unknown or retired key", error.Message);
    }

    [Fact]
    public async Task A_reward_outside_the_policy_range_is_refused_naming_the_field()
    {
        var name = Fixtures.Experiments.NewName("range");
        await fixture.Client.CreateAsync(name);
        var token = (await fixture.Client.SelectAsync(Tenant, name)).Token!;
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 2.5)));
        Assert.Equal(BanditsErrorKind.Validation, error.Kind);
        Assert.Equal("reward", error.Field);
    }

    private async Task AssertRejected(string token, BanditsErrorKind kind)
    {
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1)));
        Assert.Equal(kind, error.Kind);
    }
}
