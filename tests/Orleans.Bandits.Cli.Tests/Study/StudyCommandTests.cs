using System.Buffers.Binary;
using System.Globalization;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Cli.Tests.Commands;

namespace Orleans.Bandits.Cli.Tests.Study;

/// <summary>The study end to end on a small case: an in-process silo, real selects, real feedback through the stream.</summary>
public sealed class StudyCommandTests : IDisposable
{
    private const long Rounds = 2_000;
    private const int Seeds = 3;
    private const int CurvePoints = 10;

    private static readonly double[] Means = [0.50, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42, 0.41];

    private readonly string _out = Path.Combine(Path.GetTempPath(), $"bandits-study-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Small_study_on_an_in_process_silo_adds_up_and_writes_its_csv_and_plot()
    {
        // 100 req/s × 5 s = 500 selections per batch; 100 req/s × 5 s mean delay = 500 selections.
        var run = await CliRun.InvokeAsync(
            "study", "--rounds", "2000", "--seeds", "3", "--rate", "100", "--window", "5", "--mean-delay", "5",
            "--curve-points", "10", "--out", _out);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("B = λ·W = 500 selections per batch", run.Output);
        Assert.Contains("mean λ·d = 500 selections", run.Output);

        var rows = File.ReadAllLines(Path.Combine(_out, StudyCommand.CsvName)).ToList();
        Assert.Equal(StudyCsvWriter.Header, rows[0]);
        var cells = rows.Skip(1).Select(r => r.Split(',')).ToList();
        var component = cells.Where(c => c[0] == "component").ToDictionary(c => c[1], c => (Mean: Number(c[4]), Low: c[5], High: c[6]));

        var (ideal, batching, delay, total) = (component["ideal"].Mean, component["batching"].Mean, component["delay"].Mean, component["total"].Mean);

        // Each component row is recomputed from another part of the file, the curves' last points (the
        // per-seed final regrets), so a row written from the wrong setting or seed cannot match; the
        // decomposition's arithmetic itself is checked by hand in RegretDecompositionTests.
        var finals = cells.Where(c => c[0] == "curve" && c[3] == "2000")
            .GroupBy(c => c[1])
            .ToDictionary(g => g.Key, g => g.OrderBy(c => int.Parse(c[2], CultureInfo.InvariantCulture)).Select(c => Number(c[4])).ToArray());
        Assert.Equal(Seeds, finals["ideal"].Length);
        Assert.Equal(finals["ideal"].Average(), ideal, 1e-9);
        Assert.Equal(finals["batched"].Average() - finals["ideal"].Average(), batching, 1e-6);
        Assert.Equal(finals["batched-delayed"].Average() - finals["batched"].Average(), delay, 1e-6);
        Assert.Equal(finals["batched-delayed"].Average(), total, 1e-6);
        Assert.Equal((finals["batched-delayed"].Average() / finals["ideal"].Average() - 1) * 100, component["overhead-percent"].Mean, 1e-6);

        // Every setting has every seed's curve at the same rounds, and mean rows at those rounds.
        foreach (var setting in new[] { "ideal", "batched", "batched-delayed" })
        {
            var curve = cells.Where(c => c[0] == "curve" && c[1] == setting).ToList();
            Assert.Equal(Seeds * CurvePoints, curve.Count);
            Assert.Equal(Enumerable.Range(1, CurvePoints).Select(i => (i * Rounds / CurvePoints).ToString(CultureInfo.InvariantCulture)), cells.Where(c => c[0] == "mean" && c[1] == setting).Select(c => c[3]));
        }

        // Pseudo-regret per round lies in [0, Δmax], so no run can leave [0, Δmax·T].
        Assert.All(finals.Values.SelectMany(v => v), r => Assert.InRange(r, 0, 0.09 * Rounds));

        // Lai–Robbins, by hand: Σ over suboptimal arms of Δᵢ / KL(μᵢ, μ*) · ln T.
        var bound = Means.Skip(1).Sum(m => (0.5 - m) / (m * Math.Log(m / 0.5) + ((1 - m) * Math.Log((1 - m) / 0.5)))) * Math.Log(Rounds);
        Assert.Equal(bound, component["lai-robbins"].Mean, 1e-9 * bound);

        // The table shows the same numbers.
        Assert.Contains($"{ReportFormat.Regret(ideal)} ± ", run.Output);
        Assert.Contains($"{ReportFormat.Regret(total)} ± ", run.Output);
        Assert.Contains(ReportFormat.Regret(bound), run.Output);
        Assert.Contains(ReportFormat.Percent(component["overhead-percent"].Mean), run.Output);

        // The plot is a PNG of the documented size.
        var png = File.ReadAllBytes(Path.Combine(_out, StudyCommand.PlotName));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(RegretPlot.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(RegretPlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, $"A plot with curves and text is more than a blank image ({png.Length} bytes).");
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
