namespace Orleans.Bandits.Grains.Tokens;

/// <summary>An HMAC key with the id written into every token it signs, so keys can rotate.</summary>
public sealed record TokenKey(string Id, byte[] Secret)
{
    public const int MinSecretBytes = 32;
    public const int MaxIdLength = 32;
}
