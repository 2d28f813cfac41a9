namespace Orleans.Bandits.Cli.Study;

/// <summary>One seed played in one setting.</summary>
/// <param name="Seed">Seeds the world's rewards (and, in process, the policy; on the platform the selectors sample on their own).</param>
/// <param name="PseudoRegret">Σ (μ* − μ of the arm played) at T.</param>
/// <param name="Curve">Cumulative pseudo-regret at evenly spaced rounds.</param>
/// <param name="StaleSelections">Selections served from an older snapshot than the lockstep waited for (0 on the ideal run).</param>
/// <param name="Rounds">Rounds played: T, or fewer when the study was stopped.</param>
public sealed record SeedRun(int Seed, double PseudoRegret, IReadOnlyList<RegretPoint> Curve, long StaleSelections, long Rounds)
{
    /// <summary>
    /// The run as if it had stopped at <paramref name="round"/>, a point of its curve. The cumulative
    /// regret at round t is what a t-round run measures, since the policies studied do not plan for T.
    /// </summary>
    public SeedRun TruncatedAt(long round)
    {
        var curve = Curve.Where(p => p.Round <= round).ToArray();
        if (curve.Length == 0 || curve[^1].Round != round)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, $"Seed {Seed} has no curve point at round {round}.");
        }

        return new SeedRun(Seed, curve[^1].PseudoRegret, curve, StaleSelections, round);
    }
}
