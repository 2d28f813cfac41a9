namespace Orleans.Bandits.Redis.Tests.Probes;

/// <summary>An event on a probe stream; a poison one makes every delivery that carries it fail.</summary>
[GenerateSerializer, Immutable, Alias("bandits.tests.ProbeEvent")]
public sealed record ProbeEvent([property: Id(0)] string Id, [property: Id(1)] bool Poison = false)
{
    public const string Namespace = "probe";
}
