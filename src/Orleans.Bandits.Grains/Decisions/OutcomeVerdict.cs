namespace Orleans.Bandits.Grains.Decisions;

/// <summary>What the decision log says of one feedback event.</summary>
[GenerateSerializer, Alias("bandits.OutcomeVerdict")]
public enum OutcomeVerdict
{
    /// <summary>The event is a new outcome of its selection: recorded, to be published.</summary>
    New = 0,

    /// <summary>The same event was claimed before: published again (the experiment drops the copy), so a retry after a failed publish loses nothing.</summary>
    Repeat = 1,

    /// <summary>Another event already took the selection's outcome: refused, nothing is published.</summary>
    AlreadyRewarded = 2,

    /// <summary>Under <c>sum</c>, the selection already has <see cref="DecisionLogGrain.MaxOutcomesPerSelection"/> outcomes: refused, nothing is published.</summary>
    TooManyOutcomes = 4,

    /// <summary>The selection's reward wait is over (its default reward was or will be learned): refused, nothing is published.</summary>
    WindowClosed = 3,
}
