using Orleans.Bandits.Cli.Study;
using ScottPlot;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Draws cumulative regret over time for the three settings (mean over seeds with its 95 % band) and the Lai–Robbins curve.</summary>
public static class RegretPlot
{
    public const int Width = 1000;
    public const int Height = 600;

    public static void Save(string path, StudyReport report)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (setting, index) in StudySettings.All.Select((s, i) => (s, i)))
        {
            var curve = report.MeanCurve(setting);
            var xs = curve.Select(p => (double)p.Round).ToArray();
            var color = palette.GetColor(index);
            if (report.Seeds > 1)
            {
                var band = plot.Add.FillY(xs, curve.Select(p => p.Regret.Lower ?? p.Regret.Mean).ToArray(), curve.Select(p => p.Regret.Upper ?? p.Regret.Mean).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var line = plot.Add.ScatterLine(xs, curve.Select(p => p.Regret.Mean).ToArray(), color);
            line.LineWidth = 2;
            line.LegendText = LegendFor(setting, report);
        }

        // The bound is Σ Δᵢ/KL · ln t, defined from t = 2 on.
        var ts = report.MeanCurve(StudySetting.Ideal).Select(p => (double)p.Round).Where(t => t >= 2).ToArray();
        var bound = plot.Add.ScatterLine(ts, ts.Select(t => report.World.LaiRobbins((long)t)).ToArray(), Colors.Black);
        bound.LinePattern = LinePattern.Dashed;
        bound.LegendText = "Lai–Robbins bound Σ Δᵢ/KL(μᵢ, μ*) · ln t";

        plot.Title($"{report.Policy.Name}: regret over time ({report.World.Arms} arms, B = {report.Scale.EventsPerBatch}, mean delay {report.Scale.MeanDelayEvents:0} events, {report.Seeds} seeds, 95 % bands)");
        plot.XLabel("round t (selections)");
        plot.YLabel("cumulative pseudo-regret");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    private static string LegendFor(StudySetting setting, StudyReport report) => setting switch
    {
        StudySetting.Ideal => "(a) ideal: in process, instant updates",
        StudySetting.Batched => $"(b) platform, batches of {report.Scale.EventsPerBatch}",
        _ => $"(c) platform, batches + exponential delay (mean {report.Scale.MeanDelayEvents:0})",
    };
}
