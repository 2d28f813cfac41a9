namespace Orleans.Bandits.Cli.Tests.Simulation;

public sealed class SeedSummaryTests
{
    [Fact]
    public void Interval_uses_the_student_t_quantile_for_n_minus_one_degrees_of_freedom()
    {
        // Values 1..5: mean 3, sample standard deviation √2.5; t(0.975, 4) = 2.7764451.
        var summary = SeedSummary.Of([1, 2, 3, 4, 5]);

        Assert.Equal(3, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), summary.StandardDeviation, 12);
        Assert.Equal(2.7764451 * Math.Sqrt(2.5) / Math.Sqrt(5), summary.HalfWidth95!.Value, 6);
        Assert.Equal(summary.Mean - summary.HalfWidth95, summary.Lower);
    }

    [Fact]
    public void One_value_has_no_interval()
    {
        var summary = SeedSummary.Of([7]);

        Assert.Equal(7, summary.Mean);
        Assert.Null(summary.HalfWidth95);
    }

    [Fact]
    public void Overhead_is_the_relative_increase_and_the_bound_is_additive()
    {
        var overhead = new BatchingOverhead(InstantRegret: 200, DistributedRegret: 260, AdditiveTerm: 100);

        Assert.Equal(30, overhead.MeasuredPercent!.Value, 12);
        Assert.Equal(50, overhead.AllowedPercent!.Value, 12);
        Assert.True(overhead.WithinBound);
        Assert.False(new BatchingOverhead(200, 301, 100).WithinBound);
        Assert.Null(new BatchingOverhead(0, 5, 100).MeasuredPercent);
    }

    [Fact]
    public void Additive_term_for_fixed_means_matches_the_regret_bound()
    {
        double[] means = [0.5, 0.45, 0.1];

        // By hand: K·(B + D)·Δmax = 3 · 3,500 · 0.4 = 4,200.
        Assert.Equal(4_200, RegretBounds.BatchingAndDelay(means, 500, 3000), 9);
        Assert.Equal(4_200, BatchingOverhead.AdditiveTermFor(means.Length, 500, 3000, 0.4), 9);
    }

    [Fact]
    public void Gap_tracking_records_the_largest_gap_without_changing_the_draws()
    {
        double[] means = [0.9, 0.2, 0.5];
        var tracked = new GapTrackingEnvironment(new BernoulliEnvironment(means));
        var plain = new BernoulliEnvironment(means);
        Span<double> a = stackalloc double[3], b = stackalloc double[3];
        Random first = new(3), second = new(3);

        tracked.BeginRound(0, first, [], a);
        plain.BeginRound(0, second, [], b);

        Assert.True(a.SequenceEqual(b));
        Assert.Equal(0.7, tracked.MaxGap, 12);
    }
}
