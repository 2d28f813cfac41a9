using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// Whether a policy's reported propensities are the probabilities it plays with, on one fixed snapshot: M
/// selections with a fixed seed, and for each available arm the gap between its share f of them and the
/// propensity p it reports (the same for every selection of the arm, checked).
/// </summary>
/// <remarks>
/// Tolerance per arm: z·√(p(1 − p)(1/M + 1/N)) + b. f is a binomial share of M selections, standard error
/// √(p(1 − p)/M). An estimated p is itself a share of N independent rounds of draws, standard error
/// √(p(1 − p)/N), independent of the selections (N = ∞ for a computed p); the two add in variance. b bounds
/// a deterministic rule's error (the Gaussian race's 1/128; 0 otherwise). z is the two-sided normal quantile
/// at a simultaneous 99.9 % over the K arms (Bonferroni, 0.001/K each), so a correct policy fails the check
/// with probability below 10⁻³; the normal approximation is sound because every case keeps each available
/// arm's M·p in the thousands.
/// </remarks>
internal sealed class PropensityVerdict
{
    public const int Selections = 200_000;

    private readonly List<string> _arms = [];

    private PropensityVerdict()
    {
    }

    public bool Holds { get; private set; } = true;

    /// <param name="policy">The policy (or mutant) to judge.</param>
    /// <param name="snapshot">The fixed snapshot every selection reads.</param>
    /// <param name="context">The fixed context (empty for context-free policies).</param>
    /// <param name="excluded">Arms that must not be chosen.</param>
    /// <param name="exploration">The exploration scale of every selection.</param>
    /// <param name="estimateRounds">N, the rounds behind an estimated propensity; <see cref="double.PositiveInfinity"/> for a computed one.</param>
    /// <param name="ruleError">b, the bound on a deterministic rule's error.</param>
    /// <param name="seed">Seeds the selections.</param>
    public static PropensityVerdict Judge(IBanditPolicy policy, PolicySnapshot snapshot, double[] context, bool[] excluded, double exploration, double estimateRounds, double ruleError, int seed)
    {
        var armCount = snapshot.ArmCount;
        var counts = new long[armCount];
        var reported = Enumerable.Repeat(double.NaN, armCount).ToArray();
        var verdict = new PropensityVerdict();
        var random = new Random(seed);
        for (var i = 0; i < Selections; i++)
        {
            var selection = policy.Select(snapshot, context, excluded, exploration, random)!.Value;
            var propensity = selection.Propensity!.Value;
            if (!(propensity is > 0 and <= 1) || (!double.IsNaN(reported[selection.Arm]) && reported[selection.Arm] != propensity))
            {
                verdict.Fail($"arm {selection.Arm} reported {propensity} after {reported[selection.Arm]}");
            }

            reported[selection.Arm] = propensity;
            counts[selection.Arm]++;
        }

        var z = Normal.InvCDF(0, 1, 1 - (0.001 / (2 * armCount)));
        for (var arm = 0; arm < armCount; arm++)
        {
            var available = !(arm < excluded.Length && excluded[arm]);
            if (!available || double.IsNaN(reported[arm]))
            {
                verdict._arms.Add($"arm {arm}: {(available ? "never chosen" : "excluded")}, {counts[arm]} selections");
                if (counts[arm] > 0 || available)
                {
                    verdict.Holds = false;
                }

                continue;
            }

            var p = reported[arm];
            var share = (double)counts[arm] / Selections;
            var tolerance = (z * Math.Sqrt(p * (1 - p) * ((1.0 / Selections) + (1 / estimateRounds)))) + ruleError;
            var within = Math.Abs(share - p) <= tolerance;
            verdict.Holds &= within;
            verdict._arms.Add($"arm {arm}: reported {p:F4}, played {share:F4}, |gap| {Math.Abs(share - p):F4} {(within ? "<=" : ">")} {tolerance:F4}");
        }

        return verdict;
    }

    public override string ToString() => string.Join("; ", _arms);

    /// <summary>Reports every arm, then asserts all match: the real policy's side.</summary>
    public void AssertHolds(ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        Assert.True(Holds, $"reported propensities do not match the play: {this}");
    }

    /// <summary>Reports every arm, then asserts one does not match: the mutant's side.</summary>
    public void AssertBroken(ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        Assert.False(Holds, $"the mutant's propensities pass, so the check cannot tell them from the real ones: {this}");
    }

    private void Fail(string reason)
    {
        if (Holds)
        {
            _arms.Add(reason);
        }

        Holds = false;
    }
}
