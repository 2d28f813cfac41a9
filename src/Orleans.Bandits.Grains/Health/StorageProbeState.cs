namespace Orleans.Bandits.Grains.Health;

[GenerateSerializer, Alias("bandits.StorageProbeState")]
public sealed class StorageProbeState
{
    [Id(0)]
    public DateTimeOffset LastProbe { get; set; }
}
