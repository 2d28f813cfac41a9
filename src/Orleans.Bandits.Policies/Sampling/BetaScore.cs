namespace Orleans.Bandits.Policies.Sampling;

/// <summary>The Thompson score of a Beta posterior under an exploration scale, shared by the Beta Thompson samplers (plain, windowed and discounted).</summary>
public static class BetaScore
{
    /// <summary>
    /// s = 0: the posterior mean. Otherwise a draw from Beta(α / s², β / s²), which keeps the mean
    /// and multiplies the variance by about s².
    /// </summary>
    public static double Draw(double alpha, double beta, double exploration, Random random)
    {
        if (exploration <= 0)
        {
            return alpha / (alpha + beta);
        }

        var shrink = exploration * exploration;
        return Distributions.Beta(random, alpha / shrink, beta / shrink);
    }
}
