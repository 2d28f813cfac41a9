namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// A page of a decision log joined with its outcomes: one row per outcome, or one row with no outcome for a
/// decision still pending; <see cref="Next"/> reads on after it, null at the log's end.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.DecisionLogPage")]
public sealed record DecisionLogPage(
    [property: Id(0)] IReadOnlyList<DecisionLogRow> Rows,
    [property: Id(1)] string? Next);
