namespace Orleans.Bandits.Grains.Tokens;

/// <summary>
/// Configuration section <c>Bandits:Tokens</c>. Several keys may verify; one signs. Rotate by
/// adding the new key, switching <see cref="SigningKeyId"/> on every silo, and removing the old
/// key once the longest feedback window has passed.
/// </summary>
public sealed class TokenOptions
{
    public const string Section = "Bandits:Tokens";

    /// <summary>Keys accepted for verification.</summary>
    public List<TokenKeyOptions> Keys { get; set; } = [];

    /// <summary>The key new tokens are signed with; defaults to the first key.</summary>
    public string? SigningKeyId { get; set; }
}

/// <summary>One configured key: an id and a base64 secret of at least 32 bytes.</summary>
public sealed class TokenKeyOptions
{
    public string Id { get; set; } = "";

    public string Secret { get; set; } = "";
}
