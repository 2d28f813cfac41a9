
namespace Orleans.Bandits.Grains.Serialization;

/// <summary>Wire form of <see cref="PolicySnapshot"/>, which lives in the Orleans-free policy library.</summary>
[GenerateSerializer, Immutable, Alias("bandits.PolicySnapshot")]
public struct PolicySnapshotSurrogate
{
    [Id(0)]
    public double[][] Arms;

    [Id(1)]
    public double[] Shared;
}

[RegisterConverter]
public sealed class PolicySnapshotSurrogateConverter : IConverter<PolicySnapshot, PolicySnapshotSurrogate>
{
    public PolicySnapshot ConvertFromSurrogate(in PolicySnapshotSurrogate surrogate) => new(surrogate.Arms, surrogate.Shared);

    public PolicySnapshotSurrogate ConvertToSurrogate(in PolicySnapshot value) => new() { Arms = value.Arms, Shared = value.Shared };
}
