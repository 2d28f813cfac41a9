namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
