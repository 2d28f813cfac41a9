using System.Collections.Concurrent;
using Orleans.Bandits.Harness.Clients;

namespace Orleans.Bandits.Harness.Running;

/// <summary>
/// Runs the plan. Each fleet takes seeds from a queue: it is redrawn from the seed, then its three
/// tiers run side by side (they share no server), each tier's strategies one after another on
/// servers reset before every run. With several fleets, several seeds run at once.
/// </summary>
public sealed class StudyRunner(StudyPlan plan, RunExecutor executor)
{
    public async Task<IReadOnlyList<RunResult>> RunAsync(IReadOnlyList<FleetControlClient> fleets, Action<RunResult> finished, CancellationToken cancellationToken)
    {
        var seeds = new ConcurrentQueue<int>(plan.Seeds);
        var results = new ConcurrentBag<RunResult>();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = fleets.Take(Math.Max(1, plan.Parallel)).Select(async fleet =>
        {
            try
            {
                while (seeds.TryDequeue(out var seed))
                {
                    var view = await fleet.ReseedAsync(seed, abort.Token);
                    await Task.WhenAll(plan.Tiers.Select(async tier =>
                    {
                        foreach (var strategy in plan.Strategies)
                        {
                            var result = await executor.RunAsync(new RunKey(strategy.Name, tier, seed), fleet, view, abort.Token);
                            results.Add(result);
                            finished(result);
                        }
                    }));
                }
            }
            catch
            {
                // One failed run ends the study: the others stop instead of running on against a broken setup.
                await abort.CancelAsync();
                throw;
            }
        });
        await Task.WhenAll(workers);
        return [.. results
            .OrderBy(r => plan.Strategies.ToList().FindIndex(s => s.Name == r.Key.Strategy))
            .ThenBy(r => r.Key.Tier)
            .ThenBy(r => r.Key.Seed)];
    }

    /// <summary>How many fleets the plan can use at once.</summary>
    public static int FleetsFor(StudyPlan plan) => Math.Max(1, Math.Min(plan.Parallel, plan.Seeds.Count));
}
