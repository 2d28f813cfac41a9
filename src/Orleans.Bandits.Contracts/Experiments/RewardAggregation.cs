namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>How many outcomes one decision (one selection token) may teach.</summary>
[GenerateSerializer, Alias("bandits.RewardAggregation")]
public enum RewardAggregation
{
    /// <summary>
    /// One: the first reward or unavailable report for a selection is learned, a later one with another event id is
    /// refused. Tokens often reach browsers, so this is the default.
    /// </summary>
    First = 0,

    /// <summary>Every distinct event id adds a reward (multi-click experiments); still one unavailable report per selection.</summary>
    Sum = 1,
}
