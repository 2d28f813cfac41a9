using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>Checks a randomized policy's reported propensities against how often it actually chooses each arm.</summary>
internal static class PropensitySampling
{
    public const int Draws = 200_000;

    /// <summary>Selection counts per arm and the propensity reported for each arm (NaN if never chosen).</summary>
    public static (long[] Counts, double[] Propensities) Run(IBanditPolicy policy, PolicySnapshot snapshot, bool[] excluded, double exploration, int draws, int seed)
    {
        var counts = new long[snapshot.ArmCount];
        var propensities = Enumerable.Repeat(double.NaN, snapshot.ArmCount).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < draws; i++)
        {
            var selection = policy.Select(snapshot, [], excluded, exploration, random)!.Value;
            var propensity = selection.Propensity!.Value;
            // An arm's propensity is a function of the snapshot, so every choice of it must report the same value.
            Assert.True(double.IsNaN(propensities[selection.Arm]) || Math.Abs(propensities[selection.Arm] - propensity) < 1e-12);
            propensities[selection.Arm] = propensity;
            counts[selection.Arm]++;
        }

        return (counts, propensities);
    }

    /// <summary>
    /// Every available arm was chosen, the reported propensities sum to 1 over them, and each arm's
    /// count lies in the two-sided binomial interval around draws · p. The intervals are normal
    /// approximations at simultaneous 99.9% (Bonferroni: 0.001 / K per arm), which is accurate here
    /// because the tests keep every available arm's draws · p in the hundreds or more.
    /// </summary>
    public static void AssertConsistent(long[] counts, double[] propensities, bool[] excluded)
    {
        var draws = counts.Sum();
        var z = Normal.InvCDF(0, 1, 1 - (0.001 / (2 * counts.Length)));
        var total = 0.0;
        for (var arm = 0; arm < counts.Length; arm++)
        {
            if (arm < excluded.Length && excluded[arm])
            {
                Assert.Equal(0, counts[arm]);
                continue;
            }

            var p = propensities[arm];
            Assert.False(double.IsNaN(p), $"arm {arm} was never chosen");
            total += p;
            var halfWidth = z * Math.Sqrt(draws * p * (1 - p));
            Assert.InRange(counts[arm], (draws * p) - halfWidth, (draws * p) + halfWidth);
        }

        Assert.Equal(1.0, total, 12);
    }
}
