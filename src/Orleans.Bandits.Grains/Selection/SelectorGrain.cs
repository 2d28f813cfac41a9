using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Replication;
using Orleans.Bandits.Grains.Selection.Gates;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Concurrency;
using PolicySelection = Orleans.Bandits.Policies.Abstractions.Selection;

namespace Orleans.Bandits.Grains.Selection;

/// <summary>
/// A read replica of one experiment on the local silo. While the replica is in use, a timer
/// refreshes the snapshot every replica TTL; between refreshes selection is a local sample plus a
/// signed token, with no storage call and no network hop. Only a cold replica, or an idle one whose
/// timer has stopped, waits for the experiment grain.
/// </summary>
/// <remarks>
/// Idle workers are left to activation collection rather than removed by the runtime: removing them costs every
/// replica a 500 ms inspection timer of its own even when nobody selects, 200,000 timer callbacks a second at 100,000
/// experiments, which kept two cores busy on an idle silo (tests/Orleans.Bandits.Scale.Benchmarks/RESULTS.md).
/// <c>0</c> keeps the runtime's default number of workers per silo (one per core).
/// </remarks>
[StatelessWorker(maxLocalWorkers: 0, removeIdleWorkers: false)]
public sealed partial class SelectorGrain(TokenService tokens, DecisionRecorder decisions, TimeProvider clock, ILogger<SelectorGrain> logger)
    : Grain, ISelectorGrain
{
    /// <summary>The largest exploration scale a caller may ask for.</summary>
    public const double MaxExploration = 100;

    private readonly Random _random = new();
    private ExperimentSnapshot? _replica;
    private long _fetchedAtMs;
    private Task? _refreshing;
    private IGrainTimer? _timer;
    private bool _usedSinceTick;
    private string _key = "";
    private (long Generation, string Key) _decisionLog = (-1, "");
    private TagList _tags;

    /// <summary>The key and metric tags are read once: the grain id's string form is rebuilt on every call.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        _tags = BanditsMetrics.For(_key);
        return Task.CompletedTask;
    }

    public async Task<SelectResult> Select(SelectRequest request)
    {
        using var span = BanditsTracing.StartSelect(_key);
        var result = Choose(await CurrentReplica(), request, span?.Context);
        span?.SetTag("bandits.arm", result.Arm).SetTag("bandits.version", result.Version);
        return result;
    }

    public async Task<long> GetReplicaVersion() => (await CurrentReplica()).Version;

    private async ValueTask<ExperimentSnapshot> CurrentReplica()
    {
        _usedSinceTick = true;

        // Cold, or idle (its timer stopped): fetch before answering, so no decision is served from
        // a snapshot that nobody kept fresh.
        if (_replica is null || _timer is null)
        {
            await Refresh();
            return _replica ?? throw BanditsException.NotFound(ExperimentId.FromKey(_key));
        }

        // Stale-while-revalidate: the timer normally keeps the replica fresh; if it fell behind,
        // start a refresh and answer from the replica we have.
        if (NowMs - _fetchedAtMs > 2 * _replica.ReplicaTtl.TotalMilliseconds && _refreshing is not { IsCompleted: false })
        {
            _refreshing = Refresh();
        }

        return _replica;
    }

    private async Task Refresh()
    {
        var experiment = GrainFactory.GetGrain<IExperimentReplicaSource>(_key);
        try
        {
            var fresh = await experiment.GetSnapshot(_replica?.Generation ?? -1, _replica?.Version ?? 0);
            _fetchedAtMs = NowMs;
            if (fresh is not null)
            {
                if (_replica?.ReplicaTtl != fresh.ReplicaTtl)
                {
                    StopTimer();
                }

                _replica = fresh;
            }

            if (_replica is { } replica)
            {
                _timer ??= this.RegisterGrainTimer(RefreshTick, new GrainTimerCreationOptions(replica.ReplicaTtl, replica.ReplicaTtl) { Interleave = true });
            }
        }
        catch (BanditsException e) when (e.Kind == BanditsErrorKind.NotFound)
        {
            _replica = null;
            StopTimer();
            throw;
        }
    }

    /// <summary>
    /// Refreshes a replica in use; stops the timer of one that served nothing for a whole TTL. A
    /// refresh costs CPU whether or not anyone selects, so idle replicas refreshing on timers would
    /// cap a silo at the experiments its cores can refresh each TTL, in use or not.
    /// </summary>
    private async Task RefreshTick(CancellationToken cancellationToken)
    {
        if (!_usedSinceTick)
        {
            StopTimer();
            return;
        }

        _usedSinceTick = false;
        try
        {
            await Refresh();
        }
        catch (Exception e)
        {
            // The replica keeps serving; the next tick tries again.
            LogRefreshFailed(logger, e, _key);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>
    /// The gates first (<see cref="ServingGate"/>: paused, schedule, targeting, rollout), answered with the default arm
    /// and no token, recording nothing; then the holdout's uniform draw or the policy's choice under the exploration floor.
    /// </summary>
    private SelectResult Choose(ExperimentSnapshot replica, SelectRequest request, ActivityContext? span)
    {
        var arms = replica.Arms;
        ValidateUnit(request);
        var rules = replica.Serving;
        if (ServingGate.Closed(rules, replica.Status, _key, request, clock.GetUtcNow(), _random) is { } reason)
        {
            return new SelectResult(ServingGate.DefaultArm(arms, rules.DefaultArm), null, null, replica.Version, reason == DefaultReason.Paused, reason);
        }

        var exploration = request.Exploration;
        if (!double.IsFinite(exploration) || exploration is < 0 or > MaxExploration)
        {
            throw BanditsException.Invalid("exploration", $"exploration must be a number between 0 and {MaxExploration}.");
        }

        var context = ValidContext(replica, request.Context);
        Span<bool> excluded = stackalloc bool[arms.Count];
        var now = NowMs;
        for (var i = 0; i < arms.Count; i++)
        {
            excluded[i] = arms[i].Retired || replica.BlockedUntilUnixMs[i] > now;
        }

        if (request.Exclude is { } exclude)
        {
            if (exclude.Count > arms.Count)
            {
                throw BanditsException.Invalid("exclude", $"exclude names at most the experiment's {arms.Count} arms (got {exclude.Count}).");
            }

            for (var i = 0; i < exclude.Count; i++)
            {
                var index = IndexOf(arms, exclude[i]);
                if (index < 0)
                {
                    throw BanditsException.Invalid($"exclude[{i}]", $"Arm '{exclude[i]}' is not an arm of this experiment.");
                }

                excluded[index] = true;
            }
        }

        var holdout = ServingGate.InHoldout(rules, _key, request.Unit, _random);
        var selection = holdout ? HoldoutChoice(excluded) : PolicyChoice(replica, context, excluded, exploration);

        // The id must be unique, not secret (the token is signed), so the activation's fast
        // generator serves: 126 random bits, where a system call per selection cost 2–3 µs.
        var selectionId = new UInt128((ulong)_random.NextInt64(), (ulong)_random.NextInt64());
        string token;
        using (BanditsTracing.StartToken())
        {
            token = tokens.Sign(new SelectionToken(
                replica.Id.Tenant,
                replica.Id.Name,
                selection.Arm,
                replica.Version,
                selection.Propensity,
                context.Length > 0 ? context : null,
                now,
                now + (replica.FeedbackWindowSeconds * 1000L),
                selectionId,
                replica.Generation,
                holdout,
                span));
        }

        if (_decisionLog.Generation != replica.Generation)
        {
            _decisionLog = (replica.Generation, DecisionLogKey.For(_key, replica.Generation));
        }

        decisions.Record(
            _decisionLog.Key,
            new DecisionRecord(selectionId, selection.Arm, selection.Propensity, context.Length > 0 ? context : null, replica.Version, replica.Policy.Name, now, holdout));
        BanditsMetrics.Selections.Add(1, _tags);
        BanditsMetrics.ReplicaStaleness.Record(now - _fetchedAtMs, _tags);
        return new SelectResult(arms[selection.Arm].Id, token, selection.Propensity, replica.Version, Holdout: holdout);
    }

    private PolicySelection PolicyChoice(ExperimentSnapshot replica, double[] context, ReadOnlySpan<bool> excluded, double exploration)
    {
        var policy = PolicyResolver.Resolve(replica);
        // A promoted winner replaces the policy's choice, a deterministic one, unless it is excluded or blocked now; the
        // exploration floor still applies on top of it.
        var choice = (replica.PromotedArm is { } promoted && !excluded[promoted]
                ? new PolicySelection(promoted, null)
                : policy.Select(replica.PolicySnapshot, context, excluded, exploration, _random))
            ?? throw NoArmAvailable();
        return ExplorationFloor.Apply(replica.Serving.ExplorationFloor, choice, policy, replica.PolicySnapshot, context, excluded, exploration, _random);
    }

    private PolicySelection HoldoutChoice(ReadOnlySpan<bool> excluded)
    {
        var selectable = UniformArm.CountSelectable(excluded);
        return selectable == 0 ? throw NoArmAvailable() : new PolicySelection(UniformArm.Pick(excluded, selectable, _random), 1.0 / selectable);
    }

    private static BanditsException NoArmAvailable() => new(BanditsErrorKind.NoArmAvailable, "Every arm is excluded, blocked or retired.");

    private static void ValidateUnit(SelectRequest request)
    {
        if (request.Unit is { } unit && (unit.Length is 0 or > SelectRequest.MaxUnitLength))
        {
            throw BanditsException.Invalid("unit", $"unit must be a string of 1 to {SelectRequest.MaxUnitLength} characters.");
        }

        if (request.Attributes is not { } attributes)
        {
            return;
        }

        if (attributes.Count > SelectRequest.MaxAttributes)
        {
            throw BanditsException.Invalid("attributes", $"attributes holds at most {SelectRequest.MaxAttributes} entries (got {attributes.Count}).");
        }

        foreach (var (name, value) in attributes)
        {
            if (name.Length is 0 or > SelectRequest.MaxAttributeNameLength)
            {
                throw BanditsException.Invalid("attributes", $"Attribute names are 1 to {SelectRequest.MaxAttributeNameLength} characters.");
            }

            if (value is null || !value.IsWellFormed)
            {
                throw BanditsException.Invalid($"attributes.{name}", $"attributes.{name} must be a string of at most {AttributeValue.MaxTextLength} characters, a finite number or a boolean.");
            }
        }
    }

    private static double[] ValidContext(ExperimentSnapshot replica, double[]? context)
    {
        if (replica.ContextDimension == 0)
        {
            return [];
        }

        if (context is null || context.Length != replica.ContextDimension)
        {
            throw BanditsException.Invalid("context", $"This experiment's policy is contextual: context must hold {replica.ContextDimension} numbers (got {context?.Length ?? 0}).");
        }

        if (!context.All(value => Math.Abs(value) <= SelectRequest.MaxContextMagnitude))
        {
            throw BanditsException.Invalid("context", $"Context values must be numbers between -{SelectRequest.MaxContextMagnitude:0e0} and {SelectRequest.MaxContextMagnitude:0e0}.");
        }

        return context;
    }

    private static int IndexOf(IReadOnlyList<ArmView> arms, string id)
    {
        for (var i = 0; i < arms.Count; i++)
        {
            if (string.Equals(arms[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the replica of {Experiment} failed; serving the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string experiment);
}
