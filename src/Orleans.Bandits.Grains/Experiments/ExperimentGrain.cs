using Microsoft.Extensions.Logging;
using Orleans.Bandits.Contracts;
using Orleans.Bandits.Grains.Dedup;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Bandits.Policies;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// The single writer of one experiment. Orleans guarantees one activation per key, so there is
/// no lock, no election and no lost update. Feedback arrives over the experiment's stream in
/// batches; a batch is deduplicated, learned and persisted in one write before its delivery
/// completes, so a crash replays it and the marks written with the state drop the replay.
/// </summary>
[ImplicitStreamSubscription(FeedbackStreams.Namespace)]
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", BanditsStorage.Name)] IPersistentState<ExperimentState> store,
    TimeProvider clock,
    ILogger<ExperimentGrain> logger)
    : Grain, IExperimentGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<FeedbackEvent>
{
    /// <summary>
    /// Marks sealed per dedup segment. Every state write carries the marks not yet sealed, so this
    /// bounds what a delivery rewrites: about 7 KB at most, however small the delivery.
    /// </summary>
    internal const int SegmentSize = 256;

    /// <summary>
    /// Small segments (under <see cref="MergedSegmentSize"/> marks) merged into one at a time: bounds
    /// the segment references every state write carries as the feedback window fills.
    /// </summary>
    internal const int SegmentsPerMerge = 16;

    /// <summary>A segment with at least this many marks is left as it is.</summary>
    internal const int MergedSegmentSize = SegmentSize * SegmentsPerMerge;

    private readonly DedupIndex _dedup = new();
    private ExperimentSnapshot? _snapshot;
    private IBanditPolicy? _policy;
    private long _snapshotBuiltAtMs;
    private bool _snapshotControlStale = true;

    private ExperimentState State => store.State;

    private ExperimentId Id => ExperimentId.FromKey(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists)
        {
            return;
        }

        var now = NowMs;
        var segments = await Task.WhenAll(State.Segments.Where(s => s.ExpiresAtUnixMs > now).Select(s => SegmentGrain(s.Number).Load()));
        foreach (var mark in segments.SelectMany(marks => marks))
        {
            _dedup.TryAdd(mark.Key, mark.ExpiresAtUnixMs);
        }

        foreach (var mark in State.PendingMarks)
        {
            _dedup.TryAdd(mark.Key, mark.ExpiresAtUnixMs);
        }

        _dedup.Prune(now);
    }

    public async Task<ExperimentView> Create(ExperimentDefinition definition)
    {
        if (State.Exists)
        {
            throw new BanditsException(BanditsErrorKind.Conflict, $"Experiment '{Id.Name}' already exists.", "id");
        }

        ExperimentDefinitionValidator.Validate(definition);
        var spec = definition.Policy ?? new PolicySpec(PolicyCatalogue.DefaultPolicyName, new Dictionary<string, double[]>());
        IBanditPolicy policy;
        try
        {
            policy = PolicyResolver.Resolve(spec, definition.ContextDimension);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid(e.Field, e.Message);
        }

        // Indexed first: a crash before the write below leaves an index entry for an experiment
        // that does not exist, which listings skip; the reverse would hide a live experiment.
        await GrainFactory.GetGrain<ITenantGrain>(Id.Tenant).AddExperiment(Id.Name);
        var generation = State.Generation;
        _policy = policy;
        store.State = new ExperimentState
        {
            Exists = true,
            Generation = generation,
            Arms = definition.Arms.Select(a => new ArmView(a, false)).ToList(),
            Policy = new PolicySpec(spec.Name, policy.Parameters.Values.ToDictionary(p => p.Key, p => p.Value)),
            ContextDimension = definition.ContextDimension,
            FeedbackWindowSeconds = definition.FeedbackWindowSeconds,
            Status = ExperimentStatus.Running,
            Version = 1,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
            Learned = policy.CreateState(definition.Arms.Count),
            Totals = definition.Arms.Select(_ => new ArmTotals()).ToList(),
        };
        await PersistControlChange();
        return View();
    }

    public Task<ExperimentView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<ExperimentView> SetStatus(ExperimentStatus status)
    {
        EnsureExists();
        if (!Enum.IsDefined(status))
        {
            throw BanditsException.Invalid("status", "Status must be 'running' or 'paused'.");
        }

        if (State.Status != status)
        {
            State.Status = status;
            NewVersion();
            await PersistControlChange();
        }

        return View();
    }

    public async Task Delete()
    {
        EnsureExists();
        var segments = State.Segments.ToList();
        store.State = new ExperimentState { Generation = State.Generation + 1 };
        _policy = null;
        await PersistControlChange();
        _snapshot = null;

        // A long-running experiment leaves hundreds of segments; cleared one by one they outlast the call's timeout.
        await Task.WhenAll(segments.Select(segment => ClearSegment(segment.Number, store.State.Generation - 1)));

        await GrainFactory.GetGrain<ITenantGrain>(Id.Tenant).RemoveExperiment(Id.Name);

        DeactivateOnIdle();
    }

    public async Task<ExperimentView> AddArm(string armId)
    {
        EnsureExists();
        if (!ExperimentId.IsValidId(armId))
        {
            throw BanditsException.Invalid("id", $"Arm id must match {ExperimentDefinitionValidator.IdRule}.");
        }

        if (State.Arms.Any(a => a.Id == armId))
        {
            throw new BanditsException(BanditsErrorKind.Conflict, $"Arm '{armId}' already exists.", "id");
        }

        if (State.Arms.Count >= ExperimentDefinition.MaxArms)
        {
            throw BanditsException.Invalid("id", $"An experiment has at most {ExperimentDefinition.MaxArms} arms, retired ones included.");
        }

        Policy.AddArm(State.Learned!);
        State.Arms.Add(new ArmView(armId, false));
        State.Totals.Add(new ArmTotals());
        NewVersion();
        await PersistControlChange();
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
            NewVersion();
            await PersistControlChange();
        }
    }

    public Task<ExperimentSnapshot?> GetSnapshot(long knownVersion)
    {
        EnsureExists();
        if (knownVersion == State.Version)
        {
            return Task.FromResult<ExperimentSnapshot?>(null);
        }

        // Training batches are published at most once per training interval (building a
        // snapshot can be costly, e.g. Cholesky factors); control changes are published at once.
        var trainingInterval = (long)Policy.Descriptor.Defaults.TrainingInterval.TotalMilliseconds;
        if (_snapshot is null || _snapshotControlStale || NowMs - _snapshotBuiltAtMs >= trainingInterval)
        {
            _snapshot = BuildSnapshot();
            _snapshotBuiltAtMs = NowMs;
            _snapshotControlStale = false;
        }

        return Task.FromResult(_snapshot.Version == knownVersion ? null : _snapshot);
    }

    public Task<ExperimentStats> GetStats()
    {
        EnsureExists();
        var snapshot = Policy.CreateSnapshot(State.Learned!);
        return Task.FromResult(ArmStatisticsCalculator.Compute(State, Policy, snapshot));
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<FeedbackEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<FeedbackEvent>> items)
    {
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
            if (!_dedup.TryAdd(feedback.DedupKey, feedback.ExpiresAtUnixMs))
            {
                State.DuplicatesDropped++;
                continue;
            }

            processed++;
            State.PendingMarks.Add(new DedupMark(feedback.DedupKey, feedback.ExpiresAtUnixMs));
            if (feedback.Arm < 0 || feedback.Arm >= State.Arms.Count)
            {
                Reject(feedback, "the arm index is out of range");
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

            var trainingEvent = new TrainingEvent(feedback.Arm, feedback.Reward ?? double.NaN, feedback.Propensity, feedback.Context, feedback.Costs);
            try
            {
                Policy.Validate(trainingEvent);
            }
            catch (PolicyValidationException e)
            {
                Reject(feedback, e.Message);
                continue;
            }

            batch.Add(trainingEvent);
            totals.Learn(trainingEvent.Reward);
            totals.ConsecutiveUnavailable = 0;
        }

        if (batch.Count > 0)
        {
            Policy.Train(State.Learned!, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch));
            State.TrainedEvents += batch.Count;
        }

        if (batch.Count > 0 || controlChanged)
        {
            NewVersion();
        }

        _snapshotControlStale |= controlChanged;
        var expired = await StoreSegments(now);
        await Persist();
        var tags = BanditsMetrics.For(this.GetPrimaryKeyString());
        BanditsMetrics.TrainingBatches.Add(1, tags);
        BanditsMetrics.TrainedEvents.Add(batch.Count, tags);
        BanditsMetrics.DuplicatesDropped.Add(items.Count - processed, tags);
        await Task.WhenAll(expired.Select(segment => ClearSegment(segment.Number, State.Generation)));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <summary>Resolved once per activation and definition; only Create and Delete replace the definition.</summary>
    private IBanditPolicy Policy => _policy ??= PolicyResolver.Resolve(State.Policy, State.ContextDimension);

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
        State.Arms.ToList(),
        State.Policy,
        State.ContextDimension,
        State.FeedbackWindowSeconds,
        State.Status,
        State.Version,
        State.CreatedAt,
        State.TrainedEvents);

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
        Policy.Descriptor.Defaults.ReplicaTtl);

    private void Reject(FeedbackEvent feedback, string reason)
    {
        State.RejectedEvents++;
        LogRejected(logger, this.GetPrimaryKeyString(), feedback.Arm, reason);
    }

    /// <summary>
    /// Seals, forgets expired segments and merges small ones; returns the segments to clear once the
    /// state no longer references them. The batch is already learned in memory, so if a segment
    /// cannot be stored the activation must not serve again, as when the state write fails.
    /// </summary>
    private async Task<List<DedupSegmentRef>> StoreSegments(long now)
    {
        try
        {
            await SealFullSegment();
            var expired = ForgetExpired(now);
            expired.AddRange(await MergeSmallSegments(now));
            return expired;
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new BanditsException(BanditsErrorKind.Unavailable, "Dedup storage is unavailable; the delivery is retried.");
        }
    }

    private async Task SealFullSegment()
    {
        if (State.PendingMarks.Count < SegmentSize)
        {
            return;
        }

        var number = State.NextSegment;
        var marks = State.PendingMarks.ToArray();
        // Stored before the state that references it: a crash in between leaves the marks in
        // the state and the segment number unused, so the next seal overwrites it.
        await SegmentGrain(number).Store(marks);
        State.Segments.Add(new DedupSegmentRef(number, marks.Max(m => m.ExpiresAtUnixMs), marks.Length));
        State.NextSegment = number + 1;
        State.PendingMarks.Clear();
    }

    /// <summary>
    /// Once <see cref="SegmentsPerMerge"/> small segments exist (refs without a count are left alone), their live marks are stored as one new
    /// segment, which replaces them in the state; returns the replaced ones, to clear after the state
    /// write. Stored before the state that references it, like a seal: a crash in between leaves the
    /// small segments referenced and intact, and the new number unused.
    /// </summary>
    private async Task<List<DedupSegmentRef>> MergeSmallSegments(long now)
    {
        var small = State.Segments.Where(s => s.Count is > 0 and < MergedSegmentSize).ToList();
        if (small.Count < SegmentsPerMerge)
        {
            return [];
        }

        var loaded = await Task.WhenAll(small.Select(s => SegmentGrain(s.Number).Load()));
        var marks = loaded.SelectMany(m => m).Where(m => m.ExpiresAtUnixMs > now).ToArray();
        var number = State.NextSegment;
        if (marks.Length > 0)
        {
            await SegmentGrain(number).Store(marks);
        }

        State.Segments.RemoveAll(small.Contains);
        if (marks.Length > 0)
        {
            State.Segments.Add(new DedupSegmentRef(number, marks.Max(m => m.ExpiresAtUnixMs), marks.Length));
            State.NextSegment = number + 1;
        }

        return small;
    }

    private List<DedupSegmentRef> ForgetExpired(long now)
    {
        _dedup.Prune(now);
        State.PendingMarks.RemoveAll(m => m.ExpiresAtUnixMs <= now);
        var expired = State.Segments.Where(s => s.ExpiresAtUnixMs <= now).ToList();
        State.Segments.RemoveAll(s => s.ExpiresAtUnixMs <= now);
        return expired;
    }

    private async Task PersistControlChange()
    {
        _snapshotControlStale = true;
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

    private IDedupSegmentGrain SegmentGrain(long number, long? generation = null) =>
        GrainFactory.GetGrain<IDedupSegmentGrain>($"{this.GetPrimaryKeyString()}#{generation ?? State.Generation}.{number}");

    private async Task ClearSegment(long number, long generation)
    {
        try
        {
            await SegmentGrain(number, generation).Clear();
        }
        catch (Exception e)
        {
            // Only storage garbage is left behind: the state no longer references the segment.
            LogSegmentClearFailed(logger, e, this.GetPrimaryKeyString(), number);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} feedback events for missing experiment {Experiment}")]
    private static partial void LogDroppedForMissingExperiment(ILogger logger, string experiment, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a feedback event for {Experiment} arm {Arm}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string experiment, int arm, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feedback stream error for {Experiment}")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the state of {Experiment} failed; deactivating")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing dedup segment {Segment} of {Experiment} failed")]
    private static partial void LogSegmentClearFailed(ILogger logger, Exception exception, string experiment, long segment);
}
