using Orleans.Bandits.Primitives.Batching;

namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>
/// Group commit of outcome claims on one silo: claims for the same ledger that arrive while a call to it is
/// under way wait, and go together in the next call (one grain call and one state write for them all).
/// </summary>
public sealed class OutcomeClaims(IGrainFactory grains)
{
    /// <summary>Claims per call: a full training delivery's worth.</summary>
    public const int MaxClaimsPerCall = BanditsProviders.DeliveryBatchSize;

    private readonly GroupCommit<string, PendingClaim> _commits = new(MaxClaimsPerCall);

    /// <summary>The ledger of one experiment incarnation.</summary>
    public static string LedgerKey(string experimentKey, long generation) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{experimentKey}/outcomes.{generation}");

    /// <summary>The ledger's verdict, once a new claim is durable.</summary>
    public async Task<OutcomeVerdict> ClaimAsync(string ledgerKey, OutcomeClaim claim)
    {
        var pending = new PendingClaim(claim);
        await _commits.AddAsync(ledgerKey, pending, batch => Commit(ledgerKey, batch));
        return pending.Verdict;
    }

    private async Task Commit(string ledgerKey, IReadOnlyList<PendingClaim> batch)
    {
        var verdicts = await grains.GetGrain<IOutcomeLedgerGrain>(ledgerKey).Claim(batch.Select(p => p.Claim).ToArray());
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
