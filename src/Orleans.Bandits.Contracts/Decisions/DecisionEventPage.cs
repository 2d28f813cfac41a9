namespace Orleans.Bandits.Contracts.Decisions;

/// <summary>
/// A page of an experiment's decision log, oldest first: one event per outcome, or one with no outcome for a
/// decision still pending. <see cref="Next"/> reads on after it; null at the log's end (for now: the log grows).
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.DecisionEventPage")]
public sealed record DecisionEventPage(
    [property: Id(0)] IReadOnlyList<DecisionEvent> Items,
    [property: Id(1)] string? Next)
{
    /// <summary>Decisions per page at most (a decision with several outcomes gives several events).</summary>
    public const int MaxLimit = 10_000;
}
