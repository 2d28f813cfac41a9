using System.Threading.RateLimiting;

namespace Orleans.Bandits.Http.RateLimits;

/// <summary>
/// This host's share of one cluster-wide bucket (<see cref="IRateLimitGrain"/>, a tenant's or an API key's): permits are
/// leased in blocks of <see cref="BlockSeconds"/> of the bucket's rate and spent here, and a block older than
/// <see cref="BlockLifetime"/> is dropped. What a host holds unused can only lower the bucket's rate, never raise it, so
/// the cluster admits at most the bucket's rate plus its burst, however many hosts the requests are spread over.
/// </summary>
/// <param name="bucket">The bucket grain's key (<see cref="TenantRateLimits"/> names them).</param>
/// <param name="refusal">Whose limit a refusal names, for the 429's detail.</param>
public sealed class ClusterRateLimiter(IGrainFactory grains, string bucket, TokenBucketLimit limit, TimeProvider clock, string refusal) : RateLimiter
{
    /// <summary>A block is 20 ms of the tenant's rate: one grain call per 20 requests at 1,000/s, and little left unused.</summary>
    public const double BlockSeconds = 0.02;

    public static readonly TimeSpan BlockLifetime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly int _blockSize = Math.Max(1, (int)Math.Ceiling(limit.PermitsPerSecond * BlockSeconds));
    private int _permits;
    private long _leasedAt;
    private long _usedAt = clock.GetTimestamp();
    private long _acquired;
    private long _refused;
    private Task<RatePermits>? _leasing;

    /// <summary>Idle while it holds no permits, so the partitioned limiter may drop it; a tenant that comes back leases again.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _permits > 0 ? null : clock.GetElapsedTime(_usedAt);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permits,
                TotalSuccessfulLeases = _acquired,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TryTake(permitCount) ? Lease.Acquired : Lease.Refused(null, refusal);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (!TryTake(permitCount))
        {
            RatePermits leased;
            try
            {
                leased = await LeaseBlockAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The bucket cannot be reached: the request goes on and meets the same outage in its endpoint (503),
                // rather than a 429 that would blame the tenant.
                return Lease.Acquired;
            }

            if (leased.Granted == 0)
            {
                Interlocked.Increment(ref _refused);
                return Lease.Refused(leased.RetryAfter, refusal);
            }
        }

        return Lease.Acquired;
    }

    private bool TryTake(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _usedAt = now;
            if (_permits > 0 && clock.GetElapsedTime(_leasedAt, now) > BlockLifetime)
            {
                _permits = 0;
            }

            if (_permits < permitCount)
            {
                return false;
            }

            _permits -= permitCount;
            _acquired++;
            return true;
        }
    }

    /// <summary>One lease at a time per tenant on this host: requests that find no permit meanwhile wait for it.</summary>
    private Task<RatePermits> LeaseBlockAsync()
    {
        TaskCompletionSource<RatePermits> lease;
        lock (_gate)
        {
            if (_leasing is { } running)
            {
                return running;
            }

            lease = new TaskCompletionSource<RatePermits>(TaskCreationOptions.RunContinuationsAsynchronously);
            _leasing = lease.Task;
        }

        _ = CompleteAsync(lease);
        return lease.Task;
    }

    private async Task CompleteAsync(TaskCompletionSource<RatePermits> lease)
    {
        try
        {
            var permits = await grains.GetGrain<IRateLimitGrain>(bucket).Lease(_blockSize, limit);
            lock (_gate)
            {
                if (permits.Granted > 0)
                {
                    var now = clock.GetTimestamp();
                    _permits = (clock.GetElapsedTime(_leasedAt, now) > BlockLifetime ? 0 : _permits) + permits.Granted;
                    _leasedAt = now;
                }

                _leasing = null;
            }

            lease.SetResult(permits);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _leasing = null;
            }

            lease.SetException(e);
        }
    }

    /// <summary>A decision of this limiter; a refusal says whose limit it was and when the bucket holds a permit again.</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter, string? reason) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            [.. retryAfter is null ? Array.Empty<string>() : [MetadataName.RetryAfter.Name], .. reason is null ? Array.Empty<string>() : [MetadataName.ReasonPhrase.Name]];

        public static Lease Refused(TimeSpan? retryAfter, string reason) => new(false, retryAfter, reason);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == MetadataName.ReasonPhrase.Name ? reason
                : null;
            return metadata is not null;
        }
    }
}
