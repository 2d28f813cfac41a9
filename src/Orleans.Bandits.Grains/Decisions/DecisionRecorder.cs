using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Bandits.Primitives.Batching;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// Records selections off the select path: a selection is handed over and never waited for. Decisions of the same
/// log that arrive while an append to it is under way wait and go together in the next append (group commit, as
/// feedback intake publishes), so a busy experiment costs one store write per batch, not per selection.
/// </summary>
public sealed partial class DecisionRecorder(IGrainFactory grains, IOptions<DecisionLogOptions> options, ILogger<DecisionRecorder> logger)
{
    /// <summary>Decisions per append: one log entry.</summary>
    public const int MaxDecisionsPerAppend = 1024;

    private readonly GroupCommit<string, DecisionRecord> _appends = new(MaxDecisionsPerAppend);
    private readonly DecisionLogOptions _options = options.Value;
    private int _waiting;

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

        _ = Append(logKey, decision);
    }

    private async Task Append(string logKey, DecisionRecord decision)
    {
        try
        {
            await _appends.AddAsync(logKey, decision, batch => grains.GetGrain<IDecisionLogGrain>(logKey).Append([.. batch]));
            BanditsMetrics.DecisionsRecorded.Add(1);
        }
        catch (Exception e)
        {
            // The selection was served and its token still trains when feedback comes; only its log entry is lost.
            BanditsMetrics.DecisionsUnrecorded.Add(1);
            LogAppendFailed(logger, e, logKey);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending decisions to {Log} failed; they are not recorded")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string log);
}
