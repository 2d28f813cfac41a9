using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>
/// Decides, before an event is published, whether it may be its selection's outcome: one outcome per selection
/// (or one unavailable report, under <c>sum</c>), so a token that reached a browser cannot teach more. The
/// experiment grain cannot answer this at intake, since it learns a second later from its stream; this grain is
/// the single writer of the answer. Claims arrive batched per silo (<see cref="OutcomeClaims"/>), and a batch is
/// written in one state write before any caller hears its verdict.
/// </summary>
public sealed partial class OutcomeLedgerGrain(
    [PersistentState("outcomes", BanditsProviders.Storage)] IPersistentState<OutcomeLedgerState> store,
    TimeProvider clock,
    ILogger<OutcomeLedgerGrain> logger)
    : Grain, IOutcomeLedgerGrain
{
    private DedupLog? _marks;

    private DedupLog Marks => _marks ?? throw new InvalidOperationException("The outcome ledger is not activated.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _marks = new DedupLog(key => GrainFactory.GetGrain<IDedupSegmentGrain>(key), this.GetPrimaryKeyString());
        await _marks.Load(store.State, clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public async Task<OutcomeVerdict[]> Claim(OutcomeClaim[] claims)
    {
        var verdicts = new OutcomeVerdict[claims.Length];
        var recorded = false;
        for (var i = 0; i < claims.Length; i++)
        {
            verdicts[i] = Judge(claims[i]);
            recorded |= verdicts[i] == OutcomeVerdict.New;
        }

        if (recorded)
        {
            await Persist();
        }

        return verdicts;
    }

    public async Task Clear()
    {
        await Marks.Clear(store.State.Generation, store.State.Segments);
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    private OutcomeVerdict Judge(OutcomeClaim claim)
    {
        if (Marks.Contains(claim.EventKey))
        {
            return OutcomeVerdict.Repeat;
        }

        if (claim.OutcomeKey is { } outcome)
        {
            if (Marks.Contains(outcome))
            {
                return OutcomeVerdict.AlreadyRewarded;
            }

            Marks.TryApply(store.State, new DedupMark(outcome, claim.ExpiresAtUnixMs));
        }

        Marks.TryApply(store.State, new DedupMark(claim.EventKey, claim.ExpiresAtUnixMs));
        return OutcomeVerdict.New;
    }

    /// <summary>
    /// Writes the marks before any verdict is returned. If that fails, memory is ahead of storage: this
    /// activation must not answer again, since it would refuse a retry whose first attempt was never recorded.
    /// </summary>
    private async Task Persist()
    {
        IReadOnlyList<DedupSegmentRef> released;
        try
        {
            released = await Marks.Compact(store.State, clock.GetUtcNow().ToUnixTimeMilliseconds());
            await store.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new BanditsException(BanditsErrorKind.Unavailable, "Outcome storage is unavailable; the feedback was not accepted.");
        }

        try
        {
            await Marks.Clear(store.State.Generation, released);
        }
        catch (Exception e)
        {
            // Only storage garbage is left behind: the state no longer references the segments.
            LogSegmentClearFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the outcome ledger {Ledger} failed; deactivating")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string ledger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing released segments of the outcome ledger {Ledger} failed")]
    private static partial void LogSegmentClearFailed(ILogger logger, Exception exception, string ledger);
}
