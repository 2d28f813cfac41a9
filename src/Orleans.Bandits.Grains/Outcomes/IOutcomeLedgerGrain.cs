namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>
/// The outcomes one experiment incarnation's selections have had, keyed <c>{experiment key}/outcomes.{generation}</c>.
/// Silo-internal: feedback intake asks it, through <see cref="OutcomeClaims"/>, before it publishes an event.
/// </summary>
[Alias("bandits.IOutcomeLedgerGrain")]
public interface IOutcomeLedgerGrain : IGrainWithStringKey
{
    /// <summary>One verdict per claim, in order; the new claims are durable when it returns.</summary>
    [Alias("Claim")]
    Task<OutcomeVerdict[]> Claim(OutcomeClaim[] claims);

    /// <summary>Forgets everything: the incarnation was deleted or reset.</summary>
    [Alias("Clear")]
    Task Clear();
}
