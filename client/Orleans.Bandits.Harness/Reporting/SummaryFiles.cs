using System.Text;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary><c>summary.csv</c> (every number, for tools) and <c>summary.md</c> (the table for the README).</summary>
public static class SummaryFiles
{
    public const string CsvHeader =
        "tier,strategy,seeds,successRate,successRateCi95,score,scoreCi95,retries,retriesCi95,penalties,penaltiesCi95," +
        "latencyP50Ms,latencyP50MsCi95,latencyP99Ms,latencyP99MsCi95,regret,regretCi95,achievedRps,scoreVsRandom,scoreVsRandomCi95,beatsRandom";

    public static void WriteCsv(string path, StudySummary summary) =>
        File.WriteAllLines(path, [CsvHeader, .. summary.Rows.Select(r => Csv.Row(
            r.Tier, r.Strategy, r.Score.Count,
            r.SuccessRate.Mean, r.SuccessRate.HalfWidth95 ?? double.NaN,
            r.Score.Mean, r.Score.HalfWidth95 ?? double.NaN,
            r.Retries.Mean, r.Retries.HalfWidth95 ?? double.NaN,
            r.Penalties.Mean, r.Penalties.HalfWidth95 ?? double.NaN,
            r.LatencyP50Ms.Mean, r.LatencyP50Ms.HalfWidth95 ?? double.NaN,
            r.LatencyP99Ms.Mean, r.LatencyP99Ms.HalfWidth95 ?? double.NaN,
            r.Regret.Mean, r.Regret.HalfWidth95 ?? double.NaN,
            r.AchievedRps,
            r.ScoreVsRandom?.Mean ?? double.NaN, r.ScoreVsRandom?.HalfWidth95 ?? double.NaN,
            SummaryFormat.Verdict(r.ScoreVsRandom)))]);

    public static void WriteMarkdown(string path, StudySummary summary, string command)
    {
        var text = new StringBuilder();
        text.AppendLine($"Command: `{command}`").AppendLine();
        text.AppendLine($"Means over {summary.Rows.Max(r => r.Score.Count)} seeds ± half-width of the {SeedSummary.IntervalMethod}. " +
            "Δ vs random: score minus the uniform-random baseline's on the same seed (paired).").AppendLine();
        text.AppendLine("| tier | strategy | success rate | score | retries | penalties | p50 ms | p99 ms | regret | Δ score vs random | beats random |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in summary.Rows)
        {
            var best = summary.Verdicts.Any(v => v.Tier == r.Tier && v.Best == r.Strategy) ? $"**{r.Strategy}**" : r.Strategy;
            text.AppendLine(
                $"| {r.Tier} | {best} | {SummaryFormat.MeanCi(r.SuccessRate, "0.000")} | {SummaryFormat.MeanCi(r.Score, "0.0")} | " +
                $"{SummaryFormat.MeanCi(r.Retries, "0")} | {SummaryFormat.MeanCi(r.Penalties, "0.0")} | {SummaryFormat.MeanCi(r.LatencyP50Ms, "0.0")} | " +
                $"{SummaryFormat.MeanCi(r.LatencyP99Ms, "0.0")} | {SummaryFormat.MeanCi(r.Regret, "0")} | " +
                $"{(r.ScoreVsRandom is { } d ? SummaryFormat.Signed(d, "0.0") : "—")} | {SummaryFormat.Verdict(r.ScoreVsRandom)} |");
        }

        text.AppendLine();
        foreach (var verdict in summary.Verdicts)
        {
            text.AppendLine($"- Best on {verdict.Tier}: **{verdict.Best}**, {SummaryFormat.Margin(verdict)}.");
        }

        File.WriteAllText(path, text.ToString());
    }
}
