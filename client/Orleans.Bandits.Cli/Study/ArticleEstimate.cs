namespace Orleans.Bandits.Cli.Study;

/// <summary>
/// The article's back-of-envelope numbers, recomputed for this study's T, B and delay. Its table
/// (10 arms, Δmin = 0.01, T = 10⁷, 5 s interval, 30 s delay at 100 req/s) is reproduced by
/// oracle ≈ K · ln T / Δmin = 16,118; batching ≈ oracle · K / J with J = T / B = 20,000 batches
/// (Esfandiari et al.'s factor 1 + K/J) = 8.1; delay ≈ K · d · Δmin = 10 · 3,000 · 0.01 = 300
/// (Agrawal and Goyal's additive K·d term, priced at the smallest gap).
/// </summary>
public sealed record ArticleEstimate(double Oracle, double Batching, double Delay)
{
    public double Total => Oracle + Batching + Delay;

    public double OverheadPercent => (Batching + Delay) / Oracle * 100;

    public static ArticleEstimate For(StudyWorld world, long rounds, TimeScale scale)
    {
        var oracle = world.Arms * Math.Log(rounds) / world.MinGap;
        var batches = (double)scale.BatchCount(rounds);
        return new ArticleEstimate(oracle, oracle * world.Arms / batches, world.Arms * scale.MeanDelayEvents * world.MinGap);
    }
}
