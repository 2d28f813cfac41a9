using Spectre.Console;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>The summary on the console: one table per tier, then the best strategy of each.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, StudySummary summary)
    {
        foreach (var tier in summary.Verdicts)
        {
            var table = new Table().Title($"Tier {tier.Tier} (means over seeds ± 95 % CI)");
            foreach (var column in new[] { "strategy", "success rate", "score", "retries", "penalties", "p50 ms", "p99 ms", "regret", "Δ score vs random", "beats random" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var r in summary.Rows.Where(r => r.Tier == tier.Tier))
            {
                table.AddRow(
                    r.Strategy == tier.Best ? $"[bold]{r.Strategy}[/]" : r.Strategy,
                    SummaryFormat.MeanCi(r.SuccessRate, "0.000"),
                    SummaryFormat.MeanCi(r.Score, "0.0"),
                    SummaryFormat.MeanCi(r.Retries, "0"),
                    SummaryFormat.MeanCi(r.Penalties, "0.0"),
                    SummaryFormat.MeanCi(r.LatencyP50Ms, "0.0"),
                    SummaryFormat.MeanCi(r.LatencyP99Ms, "0.0"),
                    SummaryFormat.MeanCi(r.Regret, "0"),
                    r.ScoreVsRandom is { } d ? SummaryFormat.Signed(d, "0.0") : "—",
                    SummaryFormat.Verdict(r.ScoreVsRandom));
            }

            console.Write(table);
        }

        foreach (var verdict in summary.Verdicts)
        {
            console.MarkupLine($"Best on {verdict.Tier}: [bold]{verdict.Best}[/], {Markup.Escape(SummaryFormat.Margin(verdict))}.");
        }
    }
}
