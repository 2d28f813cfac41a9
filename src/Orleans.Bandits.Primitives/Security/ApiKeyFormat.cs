using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Bandits.Primitives.Security;

/// <summary>
/// API keys look like <c>bk_{keyId}_{secret}</c>: the key id (16 hex characters) finds the record,
/// the secret (32 random bytes, base64url) is checked against its stored SHA-256 in constant time.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "bk_";
    private const int KeyIdLength = 16;

    public static (string KeyId, string Key, byte[] SecretHash) NewKey()
    {
        var keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(KeyIdLength / 2)).ToLowerInvariant();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || key.Length > 128 || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + KeyIdLength + 2 || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        keyId = key.Substring(Prefix.Length, KeyIdLength);
        secret = key[(Prefix.Length + KeyIdLength + 1)..];
        return keyId.All(char.IsAsciiHexDigitLower) && secret.Length > 0;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> hashes to the stored <paramref name="secretHash"/>, compared in constant time.</summary>
    public static bool Matches(byte[] secretHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(secretHash, Hash(secret));
}
