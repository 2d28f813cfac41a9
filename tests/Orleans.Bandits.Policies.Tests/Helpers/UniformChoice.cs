using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>
/// What a policy must do when every available arm is alike (before it has learned anything, or when the
/// arms' statistics are equal): it may not favour one by its position. Checked on the choices of many
/// selections from one snapshot.
/// </summary>
internal static class UniformChoice
{
    /// <summary>
    /// Selects <paramref name="draws"/> times from <paramref name="snapshot"/> with <paramref name="excluded"/>
    /// and asserts that no excluded arm is chosen, that the available arms' counts fit the uniform
    /// distribution by Pearson's χ² test at significance 0.001 (critical value from MathNet's χ² quantile
    /// with one degree of freedom fewer than the available arms), and that every reported propensity is
    /// 1 / (available arms), the probability of a uniform choice, within <see cref="PropensityTolerance"/>.
    /// </summary>
    /// <remarks>
    /// Why it separates right from wrong: a rule that always takes the first tied arm (the bug that
    /// <see cref="BestArm"/>'s reservoir sampling prevents) puts all draws on one of A arms, a χ² of
    /// draws·(A − 1), 1,200 for 400 draws over 4 arms against a critical value of 16.3; an arm that is
    /// never available but still chosen fails the exclusion check outright.
    /// </remarks>
    public static void AssertUniform(IBanditPolicy policy, PolicySnapshot snapshot, double[] context, bool[] excluded, double exploration, int seed, int draws = 400)
    {
        var available = Enumerable.Range(0, snapshot.ArmCount).Where(arm => arm >= excluded.Length || !excluded[arm]).ToArray();
        var uniform = 1.0 / available.Length;
        var counts = new int[snapshot.ArmCount];
        var random = new Random(seed);
        for (var i = 0; i < draws; i++)
        {
            var selection = policy.Select(snapshot, context, excluded, exploration, random);
            Assert.NotNull(selection);
            Assert.Contains(selection.Value.Arm, available);
            if (selection.Value.Propensity is { } propensity)
            {
                Assert.InRange(propensity, uniform - PropensityTolerance(uniform), uniform + PropensityTolerance(uniform));
            }

            counts[selection.Value.Arm]++;
        }

        var expected = (double)draws / available.Length;
        var statistic = available.Sum(arm => (counts[arm] - expected) * (counts[arm] - expected) / expected);
        var critical = ChiSquared.InvCDF(available.Length - 1, 0.999);
        Assert.True(statistic <= critical, $"{policy.Descriptor.Name}: counts {string.Join(", ", counts)} are not uniform over arms {string.Join(", ", available)} (χ² {statistic:F1} > {critical:F1})");
    }

    /// <summary>
    /// The randomized samplers estimate a propensity as the share of 1,000 seeded rounds of draws the arm
    /// wins (for up to 20 arms), a binomial proportion with standard error √(p(1 − p)/1,000); 4.4 of them
    /// (two-sided 10⁻⁵) is 0.060 at p = ¼. Exact propensities (argmax ties, EXP3's weights) meet it with room.
    /// </summary>
    private static double PropensityTolerance(double probability) => 4.4 * Math.Sqrt(probability * (1 - probability) / 1_000);
}
