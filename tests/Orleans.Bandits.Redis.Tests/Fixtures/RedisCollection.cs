namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// Every test class shares one redis-server and runs one after the other: the tests kill silos and
/// Redis itself, and on two cores parallel clusters would starve each other's failure detectors.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
