namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>What the outcome ledger says of one feedback event.</summary>
[GenerateSerializer, Alias("bandits.OutcomeVerdict")]
public enum OutcomeVerdict
{
    /// <summary>The event is the selection's first of its kind: recorded, to be published.</summary>
    New = 0,

    /// <summary>The same event was claimed before: published again (the experiment drops the copy), so a retry after a failed publish loses nothing.</summary>
    Repeat = 1,

    /// <summary>Another event already took the selection's outcome: refused, nothing is published.</summary>
    AlreadyRewarded = 2,
}
