using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Tests.Study;

public sealed class StudyStopTests
{
    [Fact]
    public async Task A_stopped_study_reports_the_last_curve_point_every_run_reached()
    {
        // B = 100 selections per batch, curve points every 100 rounds of the 100,000 asked for.
        var request = new StudyRequest(
            "thompson-beta",
            new Dictionary<string, double[]>(),
            new StudyWorld(StudyWorld.ArticleMeans),
            Rounds: 100_000,
            Seeds: 2,
            new TimeScale(100, 1, "test", 1),
            CurvePoints: 1_000,
            OutputDirectory: Path.GetTempPath(),
            Connect: null,
            WaitLimit: TimeSpan.FromSeconds(60));
        await using var cluster = await StudyCluster.StartInProcessAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        long made = 0;

        // Stop once the four live runs have made 2,000 selections between them.
        var report = await StudyRunner.RunAsync(
            request,
            cluster,
            batch =>
            {
                if (Interlocked.Add(ref made, batch) >= 2_000)
                {
                    stop.Cancel();
                }
            },
            TextWriter.Null,
            stop.Token);

        Assert.True(report.StoppedEarly);
        Assert.Equal(100_000, report.RequestedRounds);
        Assert.InRange(report.Rounds, 100, 100_000 - 1);
        Assert.Equal(0, report.Rounds % 100);
        foreach (var runs in report.Runs.Values)
        {
            Assert.All(runs, run =>
            {
                Assert.Equal(report.Rounds, run.Rounds);
                Assert.Equal(report.Rounds, run.Curve[^1].Round);
                Assert.Equal(run.Curve[^1].PseudoRegret, run.PseudoRegret);
            });
        }

        // The table describes the runs as they stopped: each component is recomputed here from the runs'
        // own final regrets (the decomposition's arithmetic is checked by hand in RegretDecompositionTests).
        double Final(StudySetting setting) => report.Runs[setting].Average(r => r.PseudoRegret);
        var d = report.Decomposition;
        Assert.Equal(Final(StudySetting.Ideal), d.Ideal.Mean, 9);
        Assert.Equal(Final(StudySetting.Batched) - Final(StudySetting.Ideal), d.Batching.Mean, 6);
        Assert.Equal(Final(StudySetting.BatchedDelayed) - Final(StudySetting.Batched), d.Delay.Mean, 6);
        Assert.Equal(Final(StudySetting.BatchedDelayed), d.Total.Mean, 9);

        // Lai–Robbins at the rounds reached, not at the rounds asked for: Σ Δᵢ / KL(μᵢ, 0.5) over the
        // article's means is 141.29778 (computed outside the code under test), times ln T.
        Assert.Equal(141.2977755795 * Math.Log(report.Rounds), d.LaiRobbins, 6);
    }
}
