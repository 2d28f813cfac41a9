
namespace Orleans.Bandits.Grains.Serialization;

/// <summary>Stored form of <see cref="PolicyState"/>: what grain storage persists for the learned parameters.</summary>
[GenerateSerializer, Alias("bandits.PolicyState")]
public struct PolicyStateSurrogate
{
    [Id(0)]
    public int SchemaVersion;

    [Id(1)]
    public List<double[]> Arms;

    [Id(2)]
    public double[] Shared;
}

[RegisterConverter]
public sealed class PolicyStateSurrogateConverter : IConverter<PolicyState, PolicyStateSurrogate>
{
    public PolicyState ConvertFromSurrogate(in PolicyStateSurrogate surrogate) => new(surrogate.Arms, surrogate.Shared, surrogate.SchemaVersion);

    public PolicyStateSurrogate ConvertToSurrogate(in PolicyState value) =>
        new() { SchemaVersion = value.SchemaVersion, Arms = value.Arms, Shared = value.Shared };
}
