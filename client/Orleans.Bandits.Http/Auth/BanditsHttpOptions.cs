namespace Orleans.Bandits.Http.Auth;

/// <summary>Configuration section <c>Bandits</c> as the HTTP API reads it.</summary>
public sealed class BanditsHttpOptions
{
    public const string Section = "Bandits";

    public AuthOptions Auth { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public StreamOptions Streams { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary><c>Bandits:Auth</c>: with no admin key, authentication is off and everything lives in tenant <c>default</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The shortest admin key a host starts with: a guessable admin key gives away every tenant.</summary>
    public const int MinAdminKeyLength = 32;

    public string? AdminKey { get; set; }

    /// <summary>Requests without a valid key one client address may send per second (twice that in a burst); then 429.</summary>
    public int FailuresPerSecondPerAddress { get; set; } = 20;

    /// <summary>Key lookups a gateway remembers at most; past that it starts over, so random key ids cannot grow it.</summary>
    public int KeyCacheSize { get; set; } = 10_000;

    /// <summary>How long a gateway trusts what it learned about a key; a revoked key is refused within this time plus one lookup.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrEmpty(AdminKey);
}

/// <summary><c>Bandits:RateLimit</c>: a token bucket per tenant, and optionally one per API key, shared by every host of the cluster.</summary>
public sealed class RateLimitOptions
{
    public const int DefaultPermitsPerSecond = 2000;

    /// <summary>Requests per second a tenant may send to the whole cluster. Unset: 2,000 with auth on, no limit with auth off.</summary>
    public int? PermitsPerSecond { get; set; }

    /// <summary>Requests a tenant may send at once beyond its rate. Unset: twice the rate.</summary>
    public int? Burst { get; set; }

    /// <summary><c>Bandits:RateLimit:PerKey</c>: a bucket of its own for each API key, spent together with its tenant's.</summary>
    public KeyRateLimitOptions PerKey { get; set; } = new();

    public bool IsValid => PermitsPerSecond is null or > 0 && Burst is null or > 0 && PerKey.PermitsPerSecond is null or > 0 && PerKey.Burst is null or > 0;

    /// <summary>The bucket every tenant gets, or none.</summary>
    public TokenBucketLimit? For(bool authEnabled) =>
        (PermitsPerSecond ?? (authEnabled ? DefaultPermitsPerSecond : null)) is { } rate ? new TokenBucketLimit(rate, Burst ?? (2 * rate)) : null;
}

/// <summary>
/// <c>Bandits:RateLimit:PerKey</c>: so that one of a tenant's applications (a key each) cannot spend the tenant's whole
/// limit. Unset: keys share their tenant's bucket only.
/// </summary>
public sealed class KeyRateLimitOptions
{
    /// <summary>Requests per second one API key may send to the whole cluster.</summary>
    public int? PermitsPerSecond { get; set; }

    /// <summary>Requests a key may send at once beyond its rate. Unset: twice the rate.</summary>
    public int? Burst { get; set; }

    /// <summary>The bucket every key gets, or none.</summary>
    public TokenBucketLimit? Limit => PermitsPerSecond is { } rate ? new TokenBucketLimit(rate, Burst ?? (2 * rate)) : null;
}

/// <summary><c>Bandits:Streams</c>: limits on the stats streams (server-sent events), which hold a connection each.</summary>
public sealed class StreamOptions
{
    /// <summary>Streams one API key may hold open at once (with auth on); one more gets 429.</summary>
    public int MaxPerKey { get; set; } = 10;

    /// <summary>How long a stream lasts before the server ends it; an EventSource reconnects by itself.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary><c>Bandits:Metrics</c>: what <c>/metrics</c> exports.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Label the platform's series with the experiment (<c>tenant/name</c>, the first 100 a process sees, then
    /// <c>other</c>). Off by default: the labels name every tenant's experiments to whoever reads the metrics.
    /// </summary>
    public bool ExperimentLabels { get; set; }
}
