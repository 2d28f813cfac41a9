using System.Collections.Concurrent;
using Orleans.Bandits.Harness.Running;
using Spectre.Console;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>Progress bars on a terminal: one for the whole study and one per tier of each seed in progress.</summary>
public sealed class SpectreProgress(ProgressContext context, StudyPlan plan) : IStudyProgress
{
    private readonly ProgressTask _overall = context.AddTask("study", maxValue: (double)plan.RunCount * plan.Requests);
    private readonly ConcurrentDictionary<(int Seed, string Tier), ProgressTask> _lanes = new();

    public void RunStarted(RunKey key) => Lane(key).Description = $"seed {key.Seed} {key.Tier} {key.Strategy}";

    public void RequestCompleted(RunKey key)
    {
        Lane(key).Increment(1);
        _overall.Increment(1);
    }

    public void RunFinished(RunResult result)
    {
    }

    private ProgressTask Lane(RunKey key) => _lanes.GetOrAdd(
        (key.Seed, key.Tier.ToString()),
        lane => context.AddTask($"seed {lane.Seed} {lane.Tier}", maxValue: (double)plan.Strategies.Count * plan.Requests));
}
