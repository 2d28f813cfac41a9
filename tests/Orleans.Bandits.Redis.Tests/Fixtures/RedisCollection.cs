namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// Every test class shares one redis-server and runs one after the other: the tests kill silos and
/// Redis itself, and on two cores parallel clusters would starve each other's failure detectors.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";

    /// <summary>
    /// Between the probes of <see cref="Eventually"/>: each probe reads Redis or goes through a cluster,
    /// and polling less often leaves more of the two cores to the cluster being waited for.
    /// </summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
}
