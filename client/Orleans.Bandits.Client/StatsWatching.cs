using System.Runtime.CompilerServices;

namespace Orleans.Bandits.Client;

/// <summary>An experiment's stats as they change, for dashboards and alerts in the app.</summary>
public static class StatsWatching
{
    /// <summary>The poll interval the HTTP stats stream uses too: the experiment computes stats once per version, so a poll that finds no change is a field read.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The current stats, then the stats of every new version seen, polled every <paramref name="pollInterval"/>
    /// (default <see cref="DefaultPollInterval"/>) until <paramref name="cancellationToken"/> is cancelled, which
    /// ends the sequence quietly. Versions that change more often than the poll are seen at the poll's pace.
    /// </summary>
    /// <exception cref="BanditsException">The experiment is not found (also when it is deleted while watched).</exception>
    public static async IAsyncEnumerable<ExperimentStats> WatchStatsAsync(
        this IBanditsClient client,
        string tenant,
        string experiment,
        TimeSpan? pollInterval = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var stats = await client.GetStatsAsync(tenant, experiment);
        yield return stats;
        var version = stats.Version;
        using var timer = new PeriodicTimer(interval);
        while (await Tick(timer, cancellationToken))
        {
            stats = await client.GetStatsAsync(tenant, experiment);
            if (stats.Version != version)
            {
                version = stats.Version;
                yield return stats;
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
