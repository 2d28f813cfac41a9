using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains.Dedup;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Grains.Replication;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// The single writer of one experiment: its control plane (create, change, reset, arms, delete, each audited) and its training.
/// Orleans guarantees one activation per key, so there is no lock, no election and no lost update.
/// Feedback arrives over the experiment's stream in batches, already validated at intake; a batch is
/// deduplicated (<see cref="DedupLog"/>), learned and persisted in one write before its delivery
/// completes, so a crash replays it and the marks written with the state drop the replay. Replicas take
/// their snapshots through <see cref="SnapshotPublisher"/>. Control actions also write <see cref="ExperimentControlState"/>
/// (audit log, arm metadata), a second state that training never writes.
/// </summary>
[ImplicitStreamSubscription(BanditsProviders.FeedbackNamespace)]
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", BanditsProviders.Storage)] IPersistentState<ExperimentState> store,
    [PersistentState("control", BanditsProviders.Storage)] IPersistentState<ExperimentControlState> control,
    TimeProvider clock,
    ILogger<ExperimentGrain> logger)
    : Grain, IExperimentGrain, IExperimentReplicaSource, IFeedbackRulesSource, IStreamSubscriptionObserver, IAsyncBatchObserver<FeedbackEvent>
{
    private readonly SnapshotPublisher _snapshots = new(clock);
    private DedupLog? _dedup;
    private (long Generation, ExperimentStats Stats)? _stats;
    private IBanditPolicy? _policy;

    private ExperimentState State => store.State;

    private ExperimentId Id => ExperimentId.FromKey(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _dedup = NewDedupLog();
        if (State.Exists)
        {
            await Dedup.Load(State, NowMs);
        }
    }

    public async Task<ExperimentView> Create(ExperimentDefinition definition)
    {
        if (State.Exists)
        {
            throw new BanditsException(BanditsErrorKind.Conflict, $"Experiment '{Id.Name}' already exists.", "id");
        }

        ExperimentDefinitionValidator.Validate(definition);
        var spec = definition.Policy ?? new PolicySpec(ExperimentDefinition.DefaultPolicyName, new Dictionary<string, double[]>());
        IBanditPolicy policy;
        try
        {
            policy = PolicyResolver.Resolve(spec, definition.ContextDimension);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid(e.Field, e.Message);
        }

        ExperimentDefinitionValidator.CheckStateBudget(policy, definition.Arms.Count);
        ExperimentDefinitionValidator.CheckDefaultReward(policy, definition.DefaultReward);
        var arms = definition.Arms.Select(a => new ArmView(a, false)).ToList();
        var serving = definition.Serving ?? ServingRules.None;
        ServingRulesValidator.Validate(serving, arms);

        // Indexed first: a crash before the write below leaves an index entry for an experiment
        // that does not exist, which listings skip; the reverse would hide a live experiment.
        await GrainFactory.GetGrain<ITenantGrain>(Id.Tenant).AddExperiment(Id.Name);
        var generation = State.Generation;
        _policy = policy;
        store.State = new ExperimentState
        {
            Exists = true,
            Generation = generation,
            Arms = arms,
            Policy = new PolicySpec(spec.Name, policy.Parameters.Values.ToDictionary(p => p.Key, p => p.Value)),
            ContextDimension = definition.ContextDimension,
            FeedbackWindowSeconds = definition.FeedbackWindowSeconds,
            RewardAggregation = definition.RewardAggregation,
            RewardWaitSeconds = definition.RewardWaitSeconds,
            DefaultReward = definition.DefaultReward,
            Status = ExperimentStatus.Running,
            Version = 1,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
            Learned = policy.CreateState(definition.Arms.Count),
            Totals = definition.Arms.Select(_ => new ArmTotals()).ToList(),
            Serving = serving,
            WinnerRule = definition.Winner,
        };
        await PersistControlChange();
        control.State.ArmMetadata = (definition.ArmMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(m.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        await Audit(
            AuditActions.Create,
            $"incarnation {generation}; arms {string.Join(", ", definition.Arms)}; policy {State.Policy.Name}; winner {ExperimentChangePlan.Describe(definition.Winner)}");
        return View();
    }

    public Task<ExperimentView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<ExperimentView> SetStatus(ExperimentStatus status) => Change(new ExperimentChange(Status: status));

    public async Task<ExperimentView> Change(ExperimentChange change)
    {
        EnsureExists();
        var plan = ExperimentChangePlan.Prepare(State, Policy, control.State, change);
        if (plan.Status is null && plan.Details.Count == 0)
        {
            return View();
        }

        if (plan.Status is { } status)
        {
            State.Status = status;
        }

        if (plan.Policy is { } retuned)
        {
            _policy = retuned.Policy;
            State.Policy = retuned.Spec;
        }

        if (plan.Winner is { } rule)
        {
            State.WinnerRule = rule;
            State.Winner = null;
            State.NextWinnerCheck = 0;
        }

        NewVersion();
        await PersistControlChange();
        foreach (var (arm, metadata) in plan.ArmMetadata)
        {
            control.State.ArmMetadata[arm] = metadata;
        }

        if (plan.Status is { } changed)
        {
            AppendAudit(changed == ExperimentStatus.Paused ? AuditActions.Pause : AuditActions.Resume, $"status {(changed == ExperimentStatus.Paused ? "paused" : "running")}");
        }

        if (plan.Details.Count > 0)
        {
            AppendAudit(AuditActions.Change, string.Join("; ", plan.Details));
        }

        await PersistControl();
        return View();
    }

    public async Task<ExperimentView> ChangeServingRules(ServingRulesChange change)
    {
        EnsureExists();
        var serving = change.ApplyTo(State.Serving);
        ServingRulesValidator.Validate(serving, State.Arms);
        if (serving != State.Serving)
        {
            State.Serving = serving;
            NewVersion();
            await PersistControlChange();

            // The rules' names, not the records: a record prints its lists as type names.
            await Audit(AuditActions.Change, $"serving rules: {change.Fields}");
        }

        return View();
    }

    /// <summary>
    /// Starts a new incarnation with the same arms and settings: what was learned, the dedup marks and the decision
    /// log belong to the old one and become garbage as on delete, and its tokens are refused (410) from now on.
    /// </summary>
    public async Task<ExperimentView> Reset()
    {
        EnsureExists();
        var old = State;
        var segments = old.Segments.ToList();
        store.State = new ExperimentState
        {
            Exists = true,
            Generation = old.Generation + 1,
            Arms = old.Arms,
            Policy = old.Policy,
            ContextDimension = old.ContextDimension,
            FeedbackWindowSeconds = old.FeedbackWindowSeconds,
            RewardAggregation = old.RewardAggregation,
            RewardWaitSeconds = old.RewardWaitSeconds,
            DefaultReward = old.DefaultReward,
            Status = old.Status,
            Version = old.Version,
            CreatedAt = old.CreatedAt,
            Learned = Policy.CreateState(old.Arms.Count),
            Totals = old.Arms.Select(_ => new ArmTotals()).ToList(),
            WinnerRule = old.WinnerRule,
            Serving = old.Serving,
        };
        NewVersion();
        _dedup = NewDedupLog();
        await PersistControlChange();
        await Audit(AuditActions.Reset, $"incarnation {old.Generation} → {State.Generation}; {old.TrainedEvents} trained events forgotten");
        await ClearSegments(old.Generation, segments);
        await ClearDecisionLog(old.Generation);
        return View();
    }

    /// <summary>The audit log, also of a deleted experiment: it is the trail of the id.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAudit()
    {
        if (!State.Exists && control.State.Audit.Count == 0)
        {
            throw BanditsException.NotFound(Id);
        }

        return Task.FromResult<IReadOnlyList<AuditEntry>>(control.State.Audit.ToList());
    }

    public async Task Delete()
    {
        EnsureExists();
        var segments = State.Segments.ToList();
        store.State = new ExperimentState { Generation = State.Generation + 1 };
        _policy = null;
        await PersistControlChange();
        control.State.ArmMetadata.Clear();
        await Audit(AuditActions.Delete, $"incarnation {store.State.Generation - 1} ended");
        await ClearSegments(store.State.Generation - 1, segments);
        await ClearDecisionLog(store.State.Generation - 1);

        await GrainFactory.GetGrain<ITenantGrain>(Id.Tenant).RemoveExperiment(Id.Name);

        DeactivateOnIdle();
    }

    public async Task<ExperimentView> AddArm(string armId)
    {
        EnsureExists();
        ExperimentId.RequireValidId("id", armId);

        if (State.Arms.Any(a => a.Id == armId))
        {
            throw new BanditsException(BanditsErrorKind.Conflict, $"Arm '{armId}' already exists.", "id");
        }

        if (State.Arms.Count >= ExperimentDefinition.MaxArms)
        {
            throw BanditsException.Invalid("id", $"An experiment has at most {ExperimentDefinition.MaxArms} arms, retired ones included.");
        }

        ExperimentDefinitionValidator.CheckStateBudget(Policy, State.Arms.Count + 1);
        Policy.AddArm(State.Learned!);
        State.Arms.Add(new ArmView(armId, false));
        State.Totals.Add(new ArmTotals());
        var withdrawn = WithdrawWinner();
        NewVersion();
        await PersistControlChange();
        await Audit(AuditActions.ArmAdded, armId + withdrawn);
        return View();
    }

    public async Task RetireArm(string armId)
    {
        EnsureExists();
        var index = State.Arms.FindIndex(a => a.Id == armId);
        if (index < 0)
        {
            throw new BanditsException(BanditsErrorKind.NotFound, $"Arm '{armId}' does not exist.");
        }

        if (!State.Arms[index].Retired)
        {
            State.Arms[index] = State.Arms[index] with { Retired = true };
            var withdrawn = State.Winner?.Arm == armId ? WithdrawWinner() : "";
            NewVersion();
            await PersistControlChange();
            await Audit(AuditActions.ArmRetired, armId + withdrawn);
        }
    }

    public Task<ExperimentSnapshot?> GetSnapshot(long knownGeneration, long knownVersion)
    {
        EnsureExists();
        return Task.FromResult(_snapshots.Next(knownGeneration, knownVersion, State.Generation, State.Version, Policy.Descriptor.Defaults.TrainingInterval, BuildSnapshot));
    }

    public Task<FeedbackRules> GetFeedbackRules()
    {
        EnsureExists();
        return Task.FromResult(new FeedbackRules(
            State.Generation, State.Policy, State.ContextDimension, State.Arms.Count, State.RewardAggregation, State.FeedbackWindowSeconds, State.RewardWaitSeconds, State.DefaultReward));
    }

    /// <summary>
    /// The learned part is computed once per version: for contextual policies it factorises every arm's matrix, and
    /// dashboards and stats streams ask every second whether anything changed. The decision counts come from the
    /// decision log, which selections change without a new version.
    /// </summary>
    public async Task<ExperimentStats> GetStats()
    {
        EnsureExists();
        // A batch of duplicates alone changes no version but does change the count of duplicates.
        if (_stats is not { } cached || cached.Generation != State.Generation || cached.Stats.Version != State.Version
            || cached.Stats.DuplicatesDropped != State.DuplicatesDropped)
        {
            _stats = cached = (State.Generation, ArmStatisticsCalculator.Compute(State, Policy, Policy.CreateSnapshot(State.Learned!)));
        }

        var counts = await GrainFactory.GetGrain<IDecisionLogGrain>(DecisionLogKey.For(this.GetPrimaryKeyString(), cached.Generation)).GetCounts();
        return cached.Stats with
        {
            Decisions = counts.Decisions,
            Uplift = State.Uplift.Compute(),
            Arms = cached.Stats.Arms.Select((arm, i) => arm with { Decisions = i < counts.PerArm.Length ? counts.PerArm[i] : 0 }).ToList(),
        };
    }

    public async Task<DecisionEventPage> GetEvents(string? after, int limit)
    {
        EnsureExists();
        if (limit is < 1 or > DecisionEventPage.MaxLimit)
        {
            throw BanditsException.Invalid("limit", $"limit must be between 1 and {DecisionEventPage.MaxLimit}.");
        }

        var arms = State.Arms;
        var page = await GrainFactory.GetGrain<IDecisionLogGrain>(DecisionLogKey.For(this.GetPrimaryKeyString(), State.Generation)).ReadEvents(after, limit);
        return new DecisionEventPage(page.Rows.Select(row => ToEvent(row, arms)).ToList(), page.Next);
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<FeedbackEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<FeedbackEvent>> items)
    {
        using var span = BanditsTracing.StartTraining(this.GetPrimaryKeyString(), items);
        if (!State.Exists)
        {
            LogDroppedForMissingExperiment(logger, this.GetPrimaryKeyString(), items.Count);
            return;
        }

        var now = NowMs;
        var batch = new List<TrainingEvent>(items.Count);
        var controlChanged = false;
        var processed = 0;
        foreach (var item in items)
        {
            var feedback = item.Item;
            if (!Dedup.TryApply(State, new DedupMark(feedback.DedupKey, feedback.ExpiresAtUnixMs)))
            {
                State.DuplicatesDropped++;
                continue;
            }

            processed++;
            if (feedback.Generation != State.Generation)
            {
                // Intake checked it against rules that may have been a second old: the experiment was
                // deleted and created again since the token was issued.
                Reject(feedback, "the token belongs to an earlier incarnation of the experiment");
                continue;
            }

            var totals = State.Totals[feedback.Arm];
            if (feedback.Unavailable is { } unavailable)
            {
                var block = new ArmBlock(totals.BlockedUntilUnixMs, totals.ConsecutiveUnavailable)
                    .Report(now, unavailable.RetryAfterMs, unavailable.Backoff);
                (totals.BlockedUntilUnixMs, totals.ConsecutiveUnavailable) = (block.BlockedUntilUnixMs, block.ConsecutiveReports);
                controlChanged = true;
                continue;
            }

            // Holdout events train the policy too: uniform choices with their logged propensity 1/K are valid data for
            // every policy (importance-weighted ones divide by that propensity), so the holdout costs the bandit
            // nothing in learning, only in reward; the uplift keeps the two groups apart whatever trains.
            var trainingEvent = new TrainingEvent(feedback.Arm, feedback.Reward ?? double.NaN, feedback.Propensity, feedback.Context, feedback.Costs);
            batch.Add(trainingEvent);
            totals.Learn(trainingEvent.Reward);
            State.Uplift.Learn(feedback.Holdout, trainingEvent.Reward);
            if (feedback.Defaulted)
            {
                State.DefaultRewards++;
            }
            totals.ConsecutiveUnavailable = 0;
        }

        if (batch.Count > 0)
        {
            Policy.Train(State.Learned!, CollectionsMarshal.AsSpan(batch));
            State.TrainedEvents += batch.Count;
        }

        var declared = batch.Count > 0 && WinnerCheck.Run(State, Policy, clock.GetUtcNow());
        if (batch.Count > 0 || controlChanged)
        {
            NewVersion();
        }

        controlChanged |= declared;

        if (controlChanged)
        {
            _snapshots.ControlChanged();
        }

        var released = await CompactDedup(now);
        await Persist();
        var tags = BanditsMetrics.For(this.GetPrimaryKeyString());
        BanditsMetrics.TrainingBatches.Add(1, tags);
        BanditsMetrics.TrainedEvents.Add(batch.Count, tags);
        BanditsMetrics.DuplicatesDropped.Add(items.Count - processed, tags);
        await ClearSegments(State.Generation, released);
        if (declared)
        {
            await Audit(AuditActions.Winner, $"{State.Winner!.Arm}: probabilityBest {State.Winner.ProbabilityBest.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, expectedLoss {State.Winner.ExpectedLoss.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", AuditActor.Platform);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <summary>Resolved once per activation and definition; Create, Delete and a change of parameters replace it.</summary>
    private IBanditPolicy Policy => _policy ??= PolicyResolver.Resolve(State.Policy, State.ContextDimension);

    private DedupLog Dedup => _dedup ?? throw new InvalidOperationException("The experiment grain is not activated.");

    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void NewVersion()
    {
        State.Version++;
        State.UpdatedAt = clock.GetUtcNow();
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw BanditsException.NotFound(Id);
        }
    }

    private ExperimentView View() => new(
        Id,
        State.Arms.Select(a => control.State.ArmMetadata.TryGetValue(a.Id, out var metadata) ? a with { Metadata = metadata } : a).ToList(),
        State.Policy,
        State.ContextDimension,
        State.FeedbackWindowSeconds,
        State is { Status: ExperimentStatus.Running, Winner: not null } ? ExperimentStatus.Converged : State.Status,
        State.Version,
        State.CreatedAt,
        State.TrainedEvents,
        State.RewardAggregation,
        State.RewardWaitSeconds,
        State.DefaultReward,
        State.Serving,
        Winner: State.WinnerRule,
        DeclaredWinner: State.Winner);

    private ExperimentSnapshot BuildSnapshot() => new(
        Id,
        State.Version,
        State.Status,
        State.Arms.ToList(),
        State.Totals.Select(t => t.BlockedUntilUnixMs).ToArray(),
        State.Policy,
        State.ContextDimension,
        State.FeedbackWindowSeconds,
        Policy.CreateSnapshot(State.Learned!),
        Policy.Descriptor.Defaults.ReplicaTtl,
        State.Generation,
        State.Serving,
        PromotedArm: State is { WinnerRule.Promote: true, Winner: { } winner } ? State.Arms.FindIndex(a => a.Id == winner.Arm) : null);

    /// <summary>Drops a declared winner (the arms it won among changed); the rule is checked again from the next batch.</summary>
    private string WithdrawWinner()
    {
        if (State.Winner is not { } winner)
        {
            return "";
        }

        State.Winner = null;
        State.NextWinnerCheck = 0;
        return $"; winner {winner.Arm} withdrawn";
    }

    private DedupLog NewDedupLog() => new(key => GrainFactory.GetGrain<IDedupSegmentGrain>(key), this.GetPrimaryKeyString());

    private void AppendAudit(string action, string detail, string? actor = null) =>
        AuditLog.Append(control.State, clock.GetUtcNow(), actor ?? AuditActor.Current, action, detail);

    private async Task Audit(string action, string detail, string? actor = null)
    {
        AppendAudit(action, detail, actor);
        await PersistControl();
    }

    /// <summary>
    /// Writes the control state, after the change it records is stored. If this write fails the change stands, so the
    /// caller is not told otherwise: the entry stays in memory and goes out with the activation's next control write
    /// (a crash before then loses it).
    /// </summary>
    private async Task PersistControl()
    {
        try
        {
            await control.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogControlWriteFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    private static DecisionEvent ToEvent(DecisionLogRow row, IReadOnlyList<ArmView> arms) => new(
        DedupKeys.DefaultEventId(row.Decision.SelectionId),
        row.Outcome?.EventId,
        arms[row.Decision.Arm].Id,
        row.Decision.Propensity,
        row.Decision.Context,
        row.Decision.Version,
        row.Decision.Policy,
        DateTimeOffset.FromUnixTimeMilliseconds(row.Decision.SelectedAtUnixMs),
        row.Outcome?.Reward,
        row.Outcome?.Costs,
        row.Outcome is { } outcome ? DateTimeOffset.FromUnixTimeMilliseconds(outcome.RewardedAtUnixMs) : null,
        row.Outcome?.Defaulted ?? false,
        row.Decision.Holdout);

    private void Reject(FeedbackEvent feedback, string reason)
    {
        State.RejectedEvents++;
        LogRejected(logger, this.GetPrimaryKeyString(), feedback.Arm, reason);
    }

    /// <summary>
    /// Compacts the dedup log before the state write. The batch is already learned in memory, so if a segment
    /// cannot be stored the activation must not serve again, as when the state write fails.
    /// </summary>
    private async Task<IReadOnlyList<DedupSegmentRef>> CompactDedup(long now)
    {
        try
        {
            return await Dedup.Compact(State, now);
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new BanditsException(BanditsErrorKind.Unavailable, "Dedup storage is unavailable; the delivery is retried.");
        }
    }

    private async Task PersistControlChange()
    {
        _snapshots.ControlChanged();
        await Persist();
    }

    /// <summary>
    /// Writes the state. If the write fails the in-memory state is ahead of storage, so this
    /// activation must not serve again: it deactivates and the caller (or the stream, which
    /// redelivers) retries against a fresh activation loaded from storage.
    /// </summary>
    private async Task Persist()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new BanditsException(BanditsErrorKind.Unavailable, "Experiment storage is unavailable; nothing was changed.");
        }
    }

    private async Task ClearSegments(long generation, IEnumerable<DedupSegmentRef> segments)
    {
        try
        {
            await Dedup.Clear(generation, segments);
        }
        catch (Exception e)
        {
            // Only storage garbage is left behind: the state no longer references the segments.
            LogSegmentClearFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    private async Task ClearDecisionLog(long generation)
    {
        try
        {
            await GrainFactory.GetGrain<IDecisionLogGrain>(DecisionLogKey.For(this.GetPrimaryKeyString(), generation)).Clear();
        }
        catch (Exception e)
        {
            // As with segments: the log of a finished incarnation is only storage garbage, never read again.
            LogDecisionLogClearFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the audit log and arm metadata of {Experiment} failed; kept for the next control write")]
    private static partial void LogControlWriteFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing the decision log of {Experiment} failed")]
    private static partial void LogDecisionLogClearFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} feedback events for missing experiment {Experiment}")]
    private static partial void LogDroppedForMissingExperiment(ILogger logger, string experiment, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a feedback event for {Experiment} arm {Arm}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string experiment, int arm, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feedback stream error for {Experiment}")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the state of {Experiment} failed; deactivating")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing released dedup segments of {Experiment} failed")]
    private static partial void LogSegmentClearFailed(ILogger logger, Exception exception, string experiment);
}
