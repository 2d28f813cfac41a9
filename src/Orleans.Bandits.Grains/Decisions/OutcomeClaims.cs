using Orleans.Bandits.Primitives.Batching;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// Group commit of outcome claims on one silo: claims for the same decision log that arrive while a call to it is
/// under way wait, and go together in the next call (one grain call and one state write for them all).
/// </summary>
public sealed class OutcomeClaims(IGrainFactory grains)
{
    /// <summary>Claims per call: a full training delivery's worth.</summary>
    public const int MaxClaimsPerCall = BanditsProviders.DeliveryBatchSize;

    private readonly GroupCommit<string, PendingClaim> _commits = new(MaxClaimsPerCall);

    /// <summary>The decision log's verdict, once a new claim is durable.</summary>
    public async Task<OutcomeVerdict> ClaimAsync(string logKey, OutcomeClaim claim)
    {
        var pending = new PendingClaim(claim);
        await _commits.AddAsync(logKey, pending, batch => Commit(logKey, batch));
        return pending.Verdict;
    }

    private async Task Commit(string logKey, IReadOnlyList<PendingClaim> batch)
    {
        var verdicts = await grains.GetGrain<IDecisionLogGrain>(logKey).Claim(batch.Select(p => p.Claim).ToArray());
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Verdict = verdicts[i];
        }
    }

    /// <summary>A caller's claim, and the verdict its commit writes back before the caller resumes.</summary>
    private sealed class PendingClaim(OutcomeClaim claim)
    {
        public OutcomeClaim Claim => claim;

        public OutcomeVerdict Verdict { get; set; }
    }
}
