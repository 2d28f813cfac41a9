using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Grains.Dedup;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Bandits.Primitives.Decisions;
using Orleans.Runtime;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// One experiment incarnation's decisions and their join with feedback; the single writer of both.
/// <list type="bullet">
/// <item>Decisions arrive batched per silo (<see cref="DecisionRecorder"/>) and each batch is one entry of the
/// log in the <see cref="IDecisionStore"/>; the selection path never waits for it.</item>
/// <item>Feedback claims its selection's outcome before intake publishes it (<see cref="OutcomeClaims"/>): one
/// outcome per selection under <c>first</c>, one unavailable report under <c>sum</c>, none after the reward wait.
/// The experiment grain cannot answer this at intake: it learns a second later, from its stream.</item>
/// <item>With a reward wait, a sweep reads the log in order and publishes the default reward of every decision
/// whose wait ended with no outcome, marking it first, so it is learned exactly once.</item>
/// <item>Decisions older than the retention (<see cref="DecisionLogOptions.RetentionDays"/>) are dropped with their
/// outcomes, oldest entries first.</item>
/// </list>
/// </summary>
public sealed partial class DecisionLogGrain(
    [PersistentState("decisions", BanditsProviders.Storage)] IPersistentState<DecisionLogState> store,
    IDecisionStore log,
    TimeProvider clock,
    IOptions<DecisionLogOptions> options,
    ILogger<DecisionLogGrain> logger)
    : Grain, IDecisionLogGrain
{
    /// <summary>
    /// Outcomes one selection may have under <c>sum</c>. Each is kept beside the decision and exported as a row, so one
    /// token must not be able to grow the log without bound, whatever the experiment allows.
    /// </summary>
    public const int MaxOutcomesPerSelection = 64;

    /// <summary>Log entries read per store call.</summary>
    private const int EntriesPerRead = 64;

    /// <summary>
    /// How long an outcome mark outlives its token. The sweep may reach a decision after its token expired (a reward
    /// wait as long as the feedback window, or a log that was not active); within this grace it still knows whether
    /// the decision had an outcome.
    /// </summary>
    private const long OutcomeMarkGraceMs = 3_600_000;

    /// <summary>How often the sweep looks for decisions whose wait ended: how late a default reward may be learned.</summary>
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The least wait between two looks for decisions past the retention: a decision outlives its retention by at most
    /// this. The log looks when its oldest kept decision is due (<see cref="_trimDueMs"/>), not on a period: a timer
    /// ticking every second in each of 100,000 active logs kept a silo busy with nothing to do.
    /// </summary>
    private static readonly TimeSpan TrimPeriod = TimeSpan.FromSeconds(1);

    /// <summary>The longest a look is put off, within what a grain timer can wait; a look with nothing due costs no store call.</summary>
    private static readonly TimeSpan MaxTrimWait = TimeSpan.FromDays(1);

    /// <summary>Store reads one trim may make (of <see cref="EntriesPerRead"/> entries each) before it lets other calls in; the rest waits for the next look.</summary>
    private const int MaxTrimReads = 16;

    private readonly long _retentionMs = (long)options.Value.Retention.TotalMilliseconds;

    private DedupLog? _marks;
    private IGrainTimer? _sweep;
    private IGrainTimer? _trim;

    /// <summary>When the oldest decision kept may pass the retention; 0 until the first look after activation.</summary>
    private long _trimDueMs;

    private FeedbackRules? _rules;
    private string _key = "";
    private string _experimentKey = "";
    private long _generation;

    private DecisionLogState State => store.State;

    private DedupLog Marks => _marks ?? throw new InvalidOperationException("The decision log is not activated.");

    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        (_experimentKey, _generation) = DecisionLogKey.Parse(_key);
        _marks = new DedupLog(key => GrainFactory.GetGrain<IDedupSegmentGrain>(key), _key);
        await _marks.Load(State, NowMs);
        await CountAppendedSinceLastWrite();
        StartSweep();

        // Not kept alive by it: a log nothing uses may deactivate, and the next activation trims what expired meanwhile.
        _trim = this.RegisterGrainTimer(TrimExpired, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = false });
    }

    public async Task Append(DecisionRecord[] decisions)
    {
        var id = await log.AppendAsync(_key, DecisionBatchCodec.Encode(decisions));
        Count(decisions, id);
        if (decisions.Length > 0 && decisions.Min(d => d.SelectedAtUnixMs) + _retentionMs is var due && due < _trimDueMs)
        {
            _trimDueMs = due;
            ScheduleTrim();
        }

        StartSweep();
    }

    public async Task<OutcomeVerdict[]> Claim(OutcomeClaim[] claims)
    {
        var now = NowMs;
        var verdicts = new OutcomeVerdict[claims.Length];
        var outcomes = new List<KeyValuePair<string, byte[]>>();
        for (var i = 0; i < claims.Length; i++)
        {
            verdicts[i] = Judge(claims[i], now);
            if (verdicts[i] == OutcomeVerdict.New)
            {
                var claim = claims[i];
                outcomes.Add(Outcome(claim.SelectionId, new OutcomeRecord(claim.EventKey, claim.EventId, claim.Reward, claim.Costs, now, Defaulted: false)));
            }
        }

        if (outcomes.Count > 0)
        {
            await Persist(outcomes);
        }

        return verdicts;
    }

    public async Task<DecisionLogPage> ReadEvents(string? after, int limit)
    {
        var cursor = DecisionLogCursor.Parse(after);
        var decisions = new List<DecisionRecord>();
        string? next = null;
        while (decisions.Count < limit)
        {
            var entries = await log.ReadAsync(_key, cursor.AfterEntry, EntriesPerRead);
            foreach (var entry in entries)
            {
                var batch = DecisionBatchCodec.Decode(entry.Data);
                var take = Math.Min(batch.Count - cursor.Skip, limit - decisions.Count);
                decisions.AddRange(batch.Skip(cursor.Skip).Take(take));
                cursor = cursor.Skip + take < batch.Count ? cursor with { Skip = cursor.Skip + take } : new DecisionLogCursor(entry.Id, 0);
                if (decisions.Count == limit)
                {
                    next = cursor.ToString();
                    break;
                }
            }

            if (entries.Count < EntriesPerRead)
            {
                break;
            }
        }

        var outcomes = await log.GetOutcomesAsync(_key, decisions.Select(d => FieldOf(d.SelectionId)).ToList());
        var rows = new List<DecisionLogRow>(decisions.Count);
        for (var i = 0; i < decisions.Count; i++)
        {
            if (outcomes[i] is { } kept)
            {
                rows.AddRange(OutcomeCodec.DecodeAll(kept).Select(o => new DecisionLogRow(decisions[i], o)));
            }
            else
            {
                rows.Add(new DecisionLogRow(decisions[i], null));
            }
        }

        return new DecisionLogPage(rows, next);
    }

    public Task<DecisionCounts> GetCounts() => Task.FromResult(new DecisionCounts(State.Decisions, [.. State.DecisionsPerArm]));

    public async Task Clear()
    {
        StopSweep();
        _trim?.Dispose();
        _trim = null;
        await log.DeleteAsync(_key);
        await Marks.Clear(State.Generation, State.Segments);
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    private OutcomeVerdict Judge(OutcomeClaim claim, long now)
    {
        if (Marks.Contains(claim.EventKey))
        {
            return OutcomeVerdict.Repeat;
        }

        var outcome = DedupKeys.ForOutcome(claim.SelectionId, DedupKeys.AnyOutcome);
        if (claim.RewardDeadlineUnixMs <= now || Marks.Contains(DedupKeys.ForOutcome(claim.SelectionId, DedupKeys.DefaultedOutcome)))
        {
            return OutcomeVerdict.WindowClosed;
        }

        var unavailable = DedupKeys.ForOutcome(claim.SelectionId, DedupKeys.UnavailableOutcome);
        if ((claim.OneOutcome && Marks.Contains(outcome)) || (claim.Unavailable && Marks.Contains(unavailable)))
        {
            return OutcomeVerdict.AlreadyRewarded;
        }

        var outcomeExpiry = claim.ExpiresAtUnixMs + OutcomeMarkGraceMs;
        if (!claim.OneOutcome && !claim.Unavailable)
        {
            if (FreeOutcomeSlot(claim.SelectionId) is not { } slot)
            {
                return OutcomeVerdict.TooManyOutcomes;
            }

            Marks.TryApply(State, new DedupMark(slot, outcomeExpiry));
        }

        Marks.TryApply(State, new DedupMark(outcome, outcomeExpiry));
        if (claim.Unavailable)
        {
            Marks.TryApply(State, new DedupMark(unavailable, outcomeExpiry));
        }

        Marks.TryApply(State, new DedupMark(claim.EventKey, claim.ExpiresAtUnixMs));
        return OutcomeVerdict.New;
    }

    /// <summary>The mark of the selection's first unused outcome slot under <c>sum</c>; null when all are used.</summary>
    private UInt128? FreeOutcomeSlot(UInt128 selectionId)
    {
        for (var slot = 0; slot < MaxOutcomesPerSelection; slot++)
        {
            var key = DedupKeys.ForOutcome(selectionId, DedupKeys.SummedOutcome(slot));
            if (!Marks.Contains(key))
            {
                return key;
            }
        }

        return null;
    }

    private void Count(IReadOnlyList<DecisionRecord> decisions, string entryId)
    {
        foreach (var decision in decisions)
        {
            while (State.DecisionsPerArm.Count <= decision.Arm)
            {
                State.DecisionsPerArm.Add(0);
            }

            State.DecisionsPerArm[decision.Arm]++;
        }

        State.Decisions += decisions.Count;
        State.CountedThrough = entryId;
    }

    /// <summary>Appends are not followed by a state write (the store has them); the counts catch up here instead.</summary>
    private async Task CountAppendedSinceLastWrite()
    {
        while (true)
        {
            var entries = await log.ReadAsync(_key, State.CountedThrough, EntriesPerRead);
            foreach (var entry in entries)
            {
                Count(DecisionBatchCodec.Decode(entry.Data), entry.Id);
            }

            if (entries.Count < EntriesPerRead)
            {
                return;
            }
        }
    }

    private void StartSweep() =>
        _sweep ??= this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { KeepAlive = true });

    private void StopSweep()
    {
        _sweep?.Dispose();
        _sweep = null;
    }

    /// <summary>
    /// Reads the log from where the last sweep stopped and defaults every decision whose wait ended with no
    /// outcome; stops at the first decision still waiting (the log is in selection order, give or take a batch),
    /// and stops the timer once the whole log is swept. The defaults are published before the state that marks
    /// them is written: a crash in between publishes them again under the same identity, and the experiment drops
    /// the copies.
    /// </summary>
    private async Task Sweep(CancellationToken cancellationToken)
    {
        try
        {
            _rules ??= await GrainFactory.GetGrain<IFeedbackRulesSource>(_experimentKey).GetFeedbackRules();
            if (_rules.Generation != _generation || _rules.RewardWaitSeconds is not { } waitSeconds || _rules.DefaultReward is not { } reward)
            {
                StopSweep();
                return;
            }

            var (defaults, finished, moved) = await CollectDefaults(waitSeconds * 1000L, reward, _rules.FeedbackWindowSeconds * 1000L);
            var now = NowMs;
            await Publish(defaults);
            if (moved)
            {
                await Persist(defaults.Select(d => Outcome(d.Selection, new OutcomeRecord(d.Event.DedupKey, DedupKeys.DefaultEventId(d.Selection), d.Event.Reward, null, now, Defaulted: true))).ToList());
            }

            if (finished)
            {
                StopSweep();
            }
        }
        catch (BanditsException e) when (e.Kind == BanditsErrorKind.NotFound)
        {
            // The experiment was deleted: its decisions are never learned.
            StopSweep();
        }
        catch (Exception e)
        {
            // Marks may be ahead of storage: a fresh activation reloads them and sweeps again from the stored cursor.
            LogSweepFailed(logger, e, _key);
            StopSweep();
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Drops the entries whose every decision is older than the retention, with their decisions' outcomes, from the
    /// log's start: entries are in selection order give or take a batch, so the first entry still in retention ends
    /// the trim, and its newest decision says when to look again. The sweep and readers may stand in the dropped part:
    /// both read on from the first entry after their cursor, whether or not the cursor's entry is still there.
    /// </summary>
    private async Task TrimExpired(CancellationToken cancellationToken)
    {
        try
        {
            await TrimDue();
        }
        finally
        {
            ScheduleTrim();
        }
    }

    /// <summary>The next look, when the oldest kept decision is due (none while the log is empty: the next append sets it).</summary>
    private void ScheduleTrim() =>
        _trim?.Change(
            _trimDueMs == long.MaxValue
                ? Timeout.InfiniteTimeSpan
                : TimeSpan.FromMilliseconds(Math.Clamp(_trimDueMs - NowMs, TrimPeriod.TotalMilliseconds, MaxTrimWait.TotalMilliseconds)),
            Timeout.InfiniteTimeSpan);

    private async Task TrimDue()
    {
        var now = NowMs;
        if (now < _trimDueMs)
        {
            return;
        }

        try
        {
            var cutoff = now - _retentionMs;
            for (var read = 0; read < MaxTrimReads; read++)
            {
                var entries = await log.ReadAsync(_key, null, EntriesPerRead);
                string? through = null;
                var outcomes = new List<string>();
                long? keptNewest = null;
                foreach (var entry in entries)
                {
                    var decisions = DecisionBatchCodec.Decode(entry.Data);
                    var newest = decisions.Count > 0 ? decisions.Max(d => d.SelectedAtUnixMs) : long.MinValue;
                    if (newest > cutoff)
                    {
                        keptNewest = newest;
                        break;
                    }

                    through = entry.Id;
                    outcomes.AddRange(decisions.Select(d => FieldOf(d.SelectionId)));
                }

                if (through is not null)
                {
                    await log.TrimAsync(_key, through, outcomes);
                }

                if (keptNewest is { } due)
                {
                    _trimDueMs = due + _retentionMs;
                    return;
                }

                if (entries.Count < EntriesPerRead)
                {
                    // Empty: the next append says when its decisions expire.
                    _trimDueMs = long.MaxValue;
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing is lost: the next look starts again from the oldest entry left.
            LogTrimFailed(logger, e, _key);
        }
    }

    private async Task<(List<(UInt128 Selection, FeedbackEvent Event)> Defaults, bool Finished, bool Moved)> CollectDefaults(long waitMs, double reward, long windowMs)
    {
        var now = NowMs;
        var defaults = new List<(UInt128 Selection, FeedbackEvent Event)>();
        var moved = false;
        while (true)
        {
            var entries = await log.ReadAsync(_key, State.SweptThrough, EntriesPerRead);
            foreach (var entry in entries)
            {
                var decisions = DecisionBatchCodec.Decode(entry.Data);
                for (var i = State.SweptInNextEntry; i < decisions.Count; i++)
                {
                    var decision = decisions[i];
                    if (decision.SelectedAtUnixMs + waitMs > now)
                    {
                        return (defaults, false, moved);
                    }

                    if (DefaultFor(decision, reward, windowMs, now) is { } feedback)
                    {
                        defaults.Add((decision.SelectionId, feedback));
                    }

                    State.SweptInNextEntry = i + 1;
                    moved = true;
                }

                State.SweptThrough = entry.Id;
                State.SweptInNextEntry = 0;
            }

            if (entries.Count < EntriesPerRead)
            {
                return (defaults, true, moved);
            }
        }
    }

    private FeedbackEvent? DefaultFor(DecisionRecord decision, double reward, long windowMs, long now)
    {
        var outcome = DedupKeys.ForOutcome(decision.SelectionId, DedupKeys.AnyOutcome);
        if (Marks.Contains(outcome))
        {
            return null;
        }

        var expiresAt = decision.SelectedAtUnixMs + windowMs;
        if (expiresAt + OutcomeMarkGraceMs <= now)
        {
            BanditsMetrics.DecisionsUndecidable.Add(1);
            return null;
        }

        var defaulted = DedupKeys.ForOutcome(decision.SelectionId, DedupKeys.DefaultedOutcome);
        Marks.TryApply(State, new DedupMark(outcome, expiresAt + OutcomeMarkGraceMs));
        Marks.TryApply(State, new DedupMark(defaulted, expiresAt + OutcomeMarkGraceMs));
        return new FeedbackEvent(defaulted, decision.Arm, reward, null, decision.Propensity, decision.Context, null, expiresAt, decision.Version, _generation, Defaulted: true, Holdout: decision.Holdout);
    }

    private async Task Publish(List<(UInt128 Selection, FeedbackEvent Event)> defaults)
    {
        if (defaults.Count == 0)
        {
            return;
        }

        var stream = this.GetStreamProvider(BanditsProviders.FeedbackStream)
            .GetStream<FeedbackEvent>(StreamId.Create(BanditsProviders.FeedbackNamespace, _experimentKey));
        foreach (var chunk in defaults.Select(d => d.Event).Chunk(BanditsProviders.DeliveryBatchSize))
        {
            await stream.OnNextBatchAsync(chunk);
        }
    }

    private static KeyValuePair<string, byte[]> Outcome(UInt128 selectionId, OutcomeRecord outcome) => new(FieldOf(selectionId), OutcomeCodec.Encode(outcome));

    private static string FieldOf(UInt128 selectionId) => DedupKeys.DefaultEventId(selectionId);

    /// <summary>
    /// Stores the new outcomes, then writes the marks, before any verdict is returned. If that fails, memory is ahead
    /// of storage: this activation must not answer again, since it would refuse a retry whose first attempt was never
    /// recorded. An outcome stored twice that way is read back once (its event key).
    /// </summary>
    private async Task Persist(IReadOnlyList<KeyValuePair<string, byte[]>> outcomes)
    {
        IReadOnlyList<DedupSegmentRef> released;
        try
        {
            if (outcomes.Count > 0)
            {
                await log.AppendOutcomesAsync(_key, outcomes);
            }

            released = await Marks.Compact(State, NowMs);
            await store.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, _key);
            StopSweep();
            DeactivateOnIdle();
            throw new BanditsException(BanditsErrorKind.Unavailable, "Decision-log storage is unavailable; the feedback was not accepted.");
        }

        try
        {
            await Marks.Clear(State.Generation, released);
        }
        catch (Exception e)
        {
            // Only storage garbage is left behind: the state no longer references the segments.
            LogSegmentClearFailed(logger, e, _key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the decision log {Log} failed; deactivating")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing released segments of the decision log {Log} failed")]
    private static partial void LogSegmentClearFailed(ILogger logger, Exception exception, string log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping the expired decisions of {Log} failed; retrying")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception, string log);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping the decision log {Log} for default rewards failed; deactivating")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string log);
}
