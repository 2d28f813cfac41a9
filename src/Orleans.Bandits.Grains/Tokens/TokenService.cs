using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Grains.Tokens;

/// <summary>
/// Signs and verifies selection tokens with HMAC-SHA256. The wire form is
/// base64url(payload ‖ mac); the mac is compared in constant time.
/// </summary>
public sealed class TokenService
{
    private const int MacBytes = 32;
    private const int MaxStackTokenBytes = 1024;

    /// <summary>
    /// One keyed HMAC per thread for signing: keying HMAC-SHA256 costs two extra compressions, so
    /// reusing the keyed instance makes signing, which every selection does, cheaper.
    /// </summary>
    [ThreadStatic]
    private static (TokenKey Key, HMACSHA256 Mac)? t_signer;

    private readonly Dictionary<string, TokenKey> _keys;
    private readonly TokenKey _signingKey;

    public TokenService(IOptions<TokenOptions> options, ILogger<TokenService> logger)
        : this(ResolveKeys(options.Value, logger, out var signingKeyId), signingKeyId)
    {
    }

    public TokenService(IReadOnlyCollection<TokenKey> keys, string signingKeyId)
    {
        foreach (var key in keys)
        {
            if (key.Secret.Length < TokenKey.MinSecretBytes)
            {
                throw new ArgumentException($"Token key '{key.Id}' must have at least {TokenKey.MinSecretBytes} bytes of secret.", nameof(keys));
            }

            if (key.Id.Length is 0 or > TokenKey.MaxIdLength || key.Id.Any(c => c is < '!' or > '~'))
            {
                throw new ArgumentException($"Token key id '{key.Id}' must be 1 to {TokenKey.MaxIdLength} printable ASCII characters.", nameof(keys));
            }
        }

        _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _signingKey = _keys.TryGetValue(signingKeyId, out var signing)
            ? signing
            : throw new ArgumentException($"Signing key '{signingKeyId}' is not among the configured token keys.", nameof(signingKeyId));
    }

    public string Sign(SelectionToken token)
    {
        // Signing runs on every selection: a small token is built on the stack, so the only
        // allocation is the string handed to the caller.
        var payloadLength = TokenCodec.EncodedLength(_signingKey.Id, token);
        var length = payloadLength + MacBytes;
        var signed = length <= MaxStackTokenBytes ? stackalloc byte[length] : new byte[length];
        TokenCodec.Encode(_signingKey.Id, token, signed[..payloadLength]);
        if (t_signer is not { } signer || !ReferenceEquals(signer.Key, _signingKey))
        {
            t_signer?.Mac.Dispose();
            signer = (_signingKey, new HMACSHA256(_signingKey.Secret));
            t_signer = signer;
        }

        signer.Mac.TryComputeHash(signed[..payloadLength], signed[payloadLength..], out _);
        return Base64Url.EncodeToString(signed);
    }

    public TokenVerdict Verify(string? text, out SelectionToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text) || text.Length > 8192 || !Base64Url.IsValid(text))
        {
            return TokenVerdict.Malformed;
        }

        var signed = Base64Url.DecodeFromChars(text);
        if (signed.Length <= MacBytes)
        {
            return TokenVerdict.Malformed;
        }

        var payload = signed.AsSpan(0, signed.Length - MacBytes);
        if (!TokenCodec.TryDecode(payload, out var keyId, out var decoded))
        {
            return TokenVerdict.Malformed;
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            return TokenVerdict.UnknownKey;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key.Secret, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signed.AsSpan(signed.Length - MacBytes)))
        {
            return TokenVerdict.BadSignature;
        }

        token = decoded;
        return TokenVerdict.Valid;
    }

    private static List<TokenKey> ResolveKeys(TokenOptions options, ILogger logger, out string signingKeyId)
    {
        if (options.Keys.Count == 0)
        {
            var generated = new TokenKey("local-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(), RandomNumberGenerator.GetBytes(32));
            logger.LogWarning(
                "No token keys configured ({Section}:Keys): generated signing key {KeyId} for this process only. Tokens will not verify on other silos or after a restart; configure shared keys for a cluster.",
                TokenOptions.Section,
                generated.Id);
            signingKeyId = generated.Id;
            return [generated];
        }

        var keys = new List<TokenKey>();
        foreach (var key in options.Keys)
        {
            byte[] secret;
            try
            {
                secret = Convert.FromBase64String(key.Secret);
            }
            catch (FormatException)
            {
                throw new OptionsValidationException(TokenOptions.Section, typeof(TokenOptions), [$"Token key '{key.Id}' secret is not valid base64."]);
            }

            keys.Add(new TokenKey(key.Id, secret));
        }

        signingKeyId = options.SigningKeyId ?? keys[0].Id;
        return keys;
    }
}
