using System.Diagnostics;
using Orleans.Bandits.Client;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>
/// Selections per second with a fixed number of callers, each picking experiments uniformly at
/// random (seeded per caller), so the load is spread over every experiment's replica.
/// </summary>
public static class SelectThroughput
{
    /// <returns>Selections served and the seconds they took.</returns>
    public static async Task<(long Selections, double Seconds)> RunAsync(
        IBanditsClient client, ExperimentCatalog catalog, int inFlight, TimeSpan duration, ProgressTask progress)
    {
        long selections = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            while (clock.Elapsed < duration)
            {
                var id = catalog.Ids[random.Next(catalog.Ids.Count)];
                await client.SelectAsync(id.Tenant, id.Name);
                Interlocked.Increment(ref selections);
            }
        })).Append(Tick(progress, clock, duration)));
        return (selections, clock.Elapsed.TotalSeconds);
    }

    private static async Task Tick(ProgressTask progress, Stopwatch clock, TimeSpan duration)
    {
        while (clock.Elapsed < duration)
        {
            progress.Value = clock.Elapsed.TotalSeconds;
            await Task.Delay(250);
        }

        progress.Value = progress.MaxValue;
    }
}
