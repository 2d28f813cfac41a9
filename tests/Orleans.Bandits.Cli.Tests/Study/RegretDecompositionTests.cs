using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Tests.Study;

/// <summary>The study's table on three seeds whose final regrets are chosen by hand, so every number is computed here and not by the code under test.</summary>
public sealed class RegretDecompositionTests
{
    [Fact]
    public void Components_pair_the_settings_seed_by_seed_and_match_the_hand_computed_table()
    {
        // Seeds 1, 2, 3: ideal a = 100, 120, 140; batched b = 110, 135, 150; batched and delayed
        // c = 130, 165, 170. Listed out of seed order, so a decomposition that paired runs by position
        // instead of by seed would get other differences.
        var ideal = Runs((3, 140), (1, 100), (2, 120));
        var batched = Runs((2, 135), (3, 150), (1, 110));
        var delayed = Runs((1, 130), (2, 165), (3, 170));

        var d = RegretDecomposition.Of(ideal, batched, delayed, laiRobbins: 42);

        // Means and sample standard deviations: a 120 (sd 20); b − a = 10, 15, 10: 11.667 (sd 2.8868);
        // c − b = 20, 30, 20: 23.333 (sd 5.7735); c 155 (sd 21.7945).
        AssertSummary(120, 20, d.Ideal);
        AssertSummary(35.0 / 3, 2.8867513459, d.Batching);
        AssertSummary(70.0 / 3, 5.7735026919, d.Delay);
        AssertSummary(155, 21.7944947177, d.Total);

        // Overhead: mean(c − a) / mean(a) = 35 / 120 = 29.1667 %. Its delta-method terms
        // zₛ = ((cₛ − aₛ) − 0.291667·aₛ) / 120 · 100 are 0.6944, 8.3333, −9.0278 (sd 8.7014), and the
        // interval is t(0.975, 2) = 4.3026527 times 8.7014 / √3 = 21.6154.
        Assert.Equal(29.1666666667, d.OverheadPercent.Mean, 9);
        Assert.Equal(8.7013639487, d.OverheadPercent.StandardDeviation, 9);
        Assert.Equal(21.6153863, d.OverheadPercent.HalfWidth95!.Value, 6);
        Assert.Equal(42, d.LaiRobbins);

        // The delay's share of the total: 23.333 / 155 = 15.05 %.
        Assert.Equal(15.0537634409, d.ShareOfTotal(d.Delay.Mean), 9);
    }

    [Fact]
    public void Settings_with_different_seeds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RegretDecomposition.Of(Runs((1, 1), (2, 2)), Runs((1, 1)), Runs((1, 1), (2, 2)), 0));
    }

    private static void AssertSummary(double mean, double standardDeviation, SeedSummary actual)
    {
        Assert.Equal(3, actual.Count);
        Assert.Equal(mean, actual.Mean, 9);
        Assert.Equal(standardDeviation, actual.StandardDeviation, 9);
    }

    private static SeedRun[] Runs(params (int Seed, double Regret)[] finals) =>
        [.. finals.Select(f => new SeedRun(f.Seed, f.Regret, [new RegretPoint(1_000, f.Regret)], StaleSelections: 0, Rounds: 1_000))];
}
