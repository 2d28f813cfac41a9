namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>
/// One feedback event asking to be a selection's outcome.
/// </summary>
/// <param name="EventKey">The event's dedup key (selection id and client event id).</param>
/// <param name="OutcomeKey">The key of the one outcome of this kind the selection may have; null when the experiment takes any number (rewards under <c>sum</c>).</param>
/// <param name="ExpiresAtUnixMs">When the token expires: after it intake refuses the token, so the ledger may forget both keys.</param>
[GenerateSerializer, Immutable, Alias("bandits.OutcomeClaim")]
public readonly record struct OutcomeClaim(
    [property: Id(0)] UInt128 EventKey,
    [property: Id(1)] UInt128? OutcomeKey,
    [property: Id(2)] long ExpiresAtUnixMs);
