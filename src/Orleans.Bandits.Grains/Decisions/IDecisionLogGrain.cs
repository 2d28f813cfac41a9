using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// An experiment incarnation's decision log and its join with feedback, keyed by <see cref="DecisionLogKey"/>.
/// Silo-internal: selectors append to it through <see cref="DecisionRecorder"/>, feedback intake claims outcomes
/// through <see cref="OutcomeClaims"/>, and the experiment grain reads its counts.
/// </summary>
[Alias("bandits.IDecisionLogGrain")]
public interface IDecisionLogGrain : IGrainWithStringKey
{
    /// <summary>Appends a batch of decisions, durably in the store when it returns.</summary>
    [Alias("Append")]
    Task Append(DecisionRecord[] decisions);

    /// <summary>One verdict per claim, in order; the new claims are durable when it returns.</summary>
    [Alias("Claim")]
    Task<OutcomeVerdict[]> Claim(OutcomeClaim[] claims);

    /// <summary>Up to <paramref name="limit"/> decisions after the cursor <paramref name="after"/>, joined with their outcomes.</summary>
    /// <remarks>Interleaved: it only reads the store, and an export must not hold up feedback intake.</remarks>
    [Alias("ReadEvents"), AlwaysInterleave]
    Task<DecisionLogPage> ReadEvents(string? after, int limit);

    [Alias("GetCounts")]
    Task<DecisionCounts> GetCounts();

    /// <summary>Forgets everything: the incarnation was deleted or reset.</summary>
    [Alias("Clear")]
    Task Clear();
}
