using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

using Orleans.Bandits.Primitives.Security;

namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Resolves the API key of a request to a caller. Key records are cached per gateway for
/// <see cref="AuthOptions.KeyCacheDuration"/>, so a revocation is enforced cluster-wide within
/// that time without a grain call per request.
/// </summary>
public sealed class ApiKeyAuthenticator(IOptions<BanditsHttpOptions> options, IBanditsClient bandits, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Record, long FetchedAtMs)> _cache = new(StringComparer.Ordinal);

    /// <summary>The caller, or <c>null</c> when the key is missing, unknown or revoked (401).</summary>
    public async ValueTask<Caller?> AuthenticateAsync(HttpContext context)
    {
        var auth = options.Value.Auth;
        if (!auth.Enabled)
        {
            return new Caller(IsAdmin: true, Tenancy.DefaultTenant);
        }

        var key = PresentedKey(context.Request);
        if (key is null)
        {
            return null;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(auth.AdminKey!)))
        {
            return new Caller(IsAdmin: true, Tenant: null);
        }

        if (!ApiKeyFormat.TryParse(key, out var keyId, out var secret))
        {
            return null;
        }

        var record = await RecordAsync(keyId, auth.KeyCacheDuration);
        return record is { Revoked: false } && ApiKeyFormat.Matches(record.SecretHash, secret) ? new Caller(false, record.Tenant, record.KeyId) : null;
    }

    /// <summary>The key as sent, from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return header.Length > 0 ? header : null;
    }

    private async ValueTask<ApiKeyRecord?> RecordAsync(string keyId, TimeSpan cacheDuration)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_cache.TryGetValue(keyId, out var cached) && now - cached.FetchedAtMs < cacheDuration.TotalMilliseconds)
        {
            return cached.Record;
        }

        var record = await bandits.DescribeApiKeyAsync(keyId);
        if (_cache.Count >= options.Value.Auth.KeyCacheSize)
        {
            _cache.Clear();
        }

        _cache[keyId] = (record, now);
        return record;
    }
}
