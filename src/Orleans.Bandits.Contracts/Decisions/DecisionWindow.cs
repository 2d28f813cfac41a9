namespace Orleans.Bandits.Contracts.Decisions;

/// <summary>
/// Which decisions of a log an export or an evaluation takes, by selection time: from <see cref="From"/> included
/// to <see cref="To"/> excluded, either end open when null.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.DecisionWindow")]
public sealed record DecisionWindow(
    [property: Id(0)] DateTimeOffset? From,
    [property: Id(1)] DateTimeOffset? To)
{
    public static readonly DecisionWindow All = new(null, null);

    public bool Contains(DateTimeOffset selectedAt) => (From is not { } from || selectedAt >= from) && (To is not { } to || selectedAt < to);
}
