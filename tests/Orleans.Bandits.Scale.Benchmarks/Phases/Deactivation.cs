using System.Diagnostics;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Selection;
using Orleans.Bandits.Scale.Benchmarks.Measurements;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>
/// Deactivates every idle grain on the silo (collection with age limit zero) until no experiment
/// and no replica is left active, so the next call to each comes back from Redis.
/// </summary>
public static class Deactivation
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <returns>Seconds until the census showed no experiment and no replica.</returns>
    public static async Task<double> DeactivateAllAsync(IManagementGrain management)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await management.ForceActivationCollection(TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                // The collection goes on in the silo after the call's timeout; the census decides.
            }

            // A pass skips grains busy at that instant (a replica's refresh tick, and the experiment
            // that tick wakes up), so passes repeat until nothing of ours is left.
            var census = await ActivationCensus.TakeAsync(management);
            var left = census.Of(nameof(ExperimentGrain)) + census.Of(nameof(SelectorGrain));
            if (left == 0)
            {
                return clock.Elapsed.TotalSeconds;
            }

            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"{left:N0} experiment and replica activations still active after {Limit.TotalMinutes} min of collection.");
            }

            await Task.Delay(100);
        }
    }
}
