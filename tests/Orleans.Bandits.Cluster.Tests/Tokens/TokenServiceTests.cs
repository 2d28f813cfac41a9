using Orleans.Bandits.Grains.Tokens;

namespace Orleans.Bandits.Cluster.Tests.Tokens;

public sealed class TokenServiceTests
{
    private static readonly TokenKey Old = new("k1", Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly TokenKey New = new("k2", Enumerable.Repeat((byte)2, 32).ToArray());

    private static SelectionToken Sample(double[]? context = null) =>
        new("acme", "hero", 3, 42, 0.25, context, 1_000, 2_000, UInt128.MaxValue - 5, 7);

    [Fact]
    public void A_signed_token_verifies_to_exactly_what_was_signed()
    {
        var service = new TokenService([Old], Old.Id);
        var original = Sample([0.5, -1, 3e10]);
        Assert.Equal(TokenVerdict.Valid, service.Verify(service.Sign(original), out var decoded));
        Assert.Equal(original with { Context = null }, decoded! with { Context = null });
        Assert.Equal(original.Context, decoded.Context);
    }

    [Fact]
    public void Rotation_accepts_tokens_of_every_configured_key_and_signs_with_the_chosen_one()
    {
        var before = new TokenService([Old], Old.Id).Sign(Sample());
        var rotated = new TokenService([Old, New], New.Id);
        Assert.Equal(TokenVerdict.Valid, rotated.Verify(before, out _));

        var after = rotated.Sign(Sample());
        Assert.Equal(TokenVerdict.UnknownKey, new TokenService([Old], Old.Id).Verify(after, out _));
        Assert.Equal(TokenVerdict.Valid, new TokenService([New], New.Id).Verify(after, out _));
    }

    [Fact]
    public void A_key_with_a_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TokenService([new TokenKey("short", new byte[16])], "short"));
    }

    [Fact]
    public void A_token_without_propensity_or_context_round_trips_as_nulls()
    {
        var service = new TokenService([Old], Old.Id);
        Assert.Equal(TokenVerdict.Valid, service.Verify(service.Sign(Sample() with { Propensity = null }), out var decoded));
        Assert.Equal(Sample() with { Propensity = null }, decoded);
        Assert.Null(decoded!.Propensity);
        Assert.Null(decoded.Context);
    }
}
