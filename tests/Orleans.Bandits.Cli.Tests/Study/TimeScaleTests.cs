using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Tests.Study;

public sealed class TimeScaleTests
{
    [Fact]
    public void Article_setting_is_500_selections_per_batch_and_3000_of_mean_delay()
    {
        var scale = new TimeScale(RequestsPerSecond: 100, WindowSeconds: 5, "article", MeanDelaySeconds: 30);

        Assert.Equal(500, scale.EventsPerBatch);
        Assert.Equal(3_000, scale.MeanDelayEvents);
        Assert.Equal(20_000, scale.BatchCount(10_000_000));
        Assert.Equal(2_001, scale.BatchCount(1_000_001));
    }

    [Fact]
    public void Article_estimate_reproduces_the_articles_table_at_ten_million_rounds()
    {
        // The article: oracle ~16,000, batching ~8, delay ~300 for 10 arms, Δmin = 0.01, T = 10⁷.
        var world = new StudyWorld([0.50, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42, 0.41]);
        var estimate = ArticleEstimate.For(world, 10_000_000, new TimeScale(100, 5, "article", 30));

        Assert.Equal(10 * Math.Log(1e7) / 0.01, estimate.Oracle, 1e-6);
        Assert.InRange(estimate.Oracle, 16_000, 16_200);
        Assert.InRange(estimate.Batching, 8.0, 8.1);
        Assert.Equal(300, estimate.Delay, 1e-9);
        Assert.InRange(estimate.OverheadPercent, 1.9, 1.95);
    }
}
