using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>The study's results per tier and strategy, and the best strategy per tier.</summary>
public sealed record StudySummary(IReadOnlyList<SummaryRow> Rows, IReadOnlyList<TierVerdict> Verdicts)
{
    public static StudySummary Build(IReadOnlyList<RunResult> results, IReadOnlyList<string> strategyOrder)
    {
        var rows = new List<SummaryRow>();
        var verdicts = new List<TierVerdict>();
        foreach (var tier in results.Select(r => r.Key.Tier).Distinct().Order())
        {
            var ofTier = results.Where(r => r.Key.Tier == tier).ToList();
            var baseline = ofTier.Where(r => r.Key.Strategy == StrategyCatalogue.Random.Name).ToDictionary(r => r.Key.Seed);
            var strategies = strategyOrder.Where(s => ofTier.Any(r => r.Key.Strategy == s)).ToList();
            foreach (var strategy in strategies)
            {
                var runs = ofTier.Where(r => r.Key.Strategy == strategy).OrderBy(r => r.Key.Seed).ToList();
                var paired = runs.Where(r => baseline.ContainsKey(r.Key.Seed)).Select(r => (double)(r.Score.Score - baseline[r.Key.Seed].Score.Score)).ToList();
                rows.Add(new SummaryRow(
                    tier,
                    strategy,
                    Of(runs, r => r.Score.SuccessRate),
                    Of(runs, r => r.Score.Score),
                    Of(runs, r => r.Score.Retries),
                    Of(runs, r => r.Score.Penalties),
                    Of(runs, r => r.Score.LatencyP50Ms),
                    Of(runs, r => r.Score.LatencyP99Ms),
                    Of(runs, r => r.CumulativeRegret),
                    runs.Average(r => r.AchievedRps),
                    strategy != StrategyCatalogue.Random.Name && paired.Count > 0 ? SeedSummary.Of(paired) : null));
            }

            var ranked = rows.Where(r => r.Tier == tier).OrderByDescending(r => r.Score.Mean).ToList();
            var best = ranked[0].Strategy;
            var runnerUp = ranked.Count > 1 ? ranked[1].Strategy : null;
            verdicts.Add(new TierVerdict(tier, best, runnerUp, runnerUp is null ? null : Margin(ofTier, best, runnerUp)));
        }

        return new StudySummary(rows, verdicts);
    }

    private static SeedSummary Of(IReadOnlyList<RunResult> runs, Func<RunResult, double> measure) => SeedSummary.Of(runs.Select(measure).ToList());

    private static SeedSummary? Margin(IReadOnlyList<RunResult> ofTier, string best, string runnerUp)
    {
        var other = ofTier.Where(r => r.Key.Strategy == runnerUp).ToDictionary(r => r.Key.Seed);
        var differences = ofTier
            .Where(r => r.Key.Strategy == best && other.ContainsKey(r.Key.Seed))
            .Select(r => (double)(r.Score.Score - other[r.Key.Seed].Score.Score))
            .ToList();
        return differences.Count > 0 ? SeedSummary.Of(differences) : null;
    }
}
