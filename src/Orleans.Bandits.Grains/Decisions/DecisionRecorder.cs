using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Runtime;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// Records selections off the select path: a selection is handed over and never waited for. The first decision
/// handed over schedules a flush <see cref="DecisionLogOptions.GatherTime"/> later; everything handed over meanwhile
/// goes in it, one append per experiment log, so a busy experiment costs one store write per flush, not per
/// selection. A silo that stops flushes at once and waits for its appends, so a restart loses no decision.
/// </summary>
/// <remarks>
/// Why wait at all: an append that started as soon as a log was idle (group commit) made nearly one grain call
/// per selection at a few thousand selections a second, since a local append is quick and its lane was idle
/// again by the next selection; the selection's own thread paid for that call, and selection ran at 0.77 of its
/// speed without the log. Gathering for a few milliseconds makes batches of hundreds.
/// </remarks>
public sealed partial class DecisionRecorder(IGrainFactory grains, IOptions<DecisionLogOptions> options, ILogger<DecisionRecorder> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Decisions per append: one log entry.</summary>
    public const int MaxDecisionsPerAppend = 1024;

    /// <summary>How often a stopping silo looks whether its last appends have returned.</summary>
    private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentQueue<(string Log, DecisionRecord Decision)> _handedOver = new();
    private readonly DecisionLogOptions _options = options.Value;
    private int _waiting;
    private int _flushScheduled;

    public void Record(string logKey, DecisionRecord decision)
    {
        if (!_options.Enabled)
        {
            return;
        }

        if (Interlocked.Increment(ref _waiting) > _options.MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            BanditsMetrics.DecisionsUnrecorded.Add(1);
            return;
        }

        _handedOver.Enqueue((logKey, decision));
        if (Interlocked.CompareExchange(ref _flushScheduled, 1, 0) == 0)
        {
            _ = FlushSoonAsync();
        }
    }

    /// <summary>
    /// Flushes in the first stage a stopping silo leaves (active), while its messaging and the cluster's grains still
    /// answer, so the appends reach the logs' grains wherever they live.
    /// </summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DecisionRecorder), ServiceLifecycleStage.Active, StartObserving, FlushOnStopAsync);

    private Task StartObserving(CancellationToken cancellationToken)
    {
        BanditsMetrics.ObserveWaitingDecisions(this, () => Volatile.Read(ref _waiting));
        return Task.CompletedTask;
    }

    /// <summary>Appends what was gathered without waiting out the gather time, then waits until every append has returned (or the stop is cut short).</summary>
    private async Task FlushOnStopAsync(CancellationToken cancellationToken)
    {
        await FlushAsync();
        while (Volatile.Read(ref _waiting) > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(StopPoll, CancellationToken.None);
        }

        BanditsMetrics.ForgetWaitingDecisions(this);
    }

    /// <summary>
    /// Waits the gather time, then appends everything handed over by then. Off the selecting grain's scheduler
    /// (<c>ConfigureAwait(false)</c>) and without its request context: a flush carries every grain's decisions.
    /// </summary>
    private async Task FlushSoonAsync()
    {
        await Task.Delay(_options.GatherTime).ConfigureAwait(false);
        RequestContext.Clear();
        await FlushAsync().ConfigureAwait(false);
    }

    private async Task FlushAsync()
    {
        // Decisions handed over from here on schedule the next flush, which may overlap this one's appends.
        Volatile.Write(ref _flushScheduled, 0);
        var logs = new Dictionary<string, List<DecisionRecord>>();
        while (_handedOver.TryDequeue(out var handed))
        {
            if (!logs.TryGetValue(handed.Log, out var decisions))
            {
                logs[handed.Log] = decisions = [];
            }

            decisions.Add(handed.Decision);
        }

        await Task.WhenAll(logs.SelectMany(log => log.Value.Chunk(MaxDecisionsPerAppend).Select(batch => AppendAsync(log.Key, batch)))).ConfigureAwait(false);
    }

    private async Task AppendAsync(string logKey, DecisionRecord[] batch)
    {
        try
        {
            await grains.GetGrain<IDecisionLogGrain>(logKey).Append(batch).ConfigureAwait(false);
            BanditsMetrics.DecisionsRecorded.Add(batch.Length);
        }
        catch (Exception e)
        {
            // The selections were served and their tokens still train when feedback comes; only their log entries are lost.
            BanditsMetrics.DecisionsUnrecorded.Add(batch.Length);
            LogAppendFailed(logger, e, logKey, batch.Length);
        }
        finally
        {
            Interlocked.Add(ref _waiting, -batch.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending {Count} decisions to {Log} failed; they are not recorded")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string log, int count);
}
