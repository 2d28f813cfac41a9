namespace Orleans.Bandits.Cli.Study;

/// <summary>The Bernoulli instance under study and what theory says about it.</summary>
public sealed record StudyWorld(IReadOnlyList<double> Means)
{
    /// <summary>
    /// The article's setting: 10 arms, Δmin = 0.01. The article gives no means; these are spaced by
    /// Δmin below μ* = 0.5 (gaps 0.01, 0.02, …, 0.09), where Bernoulli arms are hardest to tell apart.
    /// </summary>
    public static IReadOnlyList<double> ArticleMeans { get; } = [0.50, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42, 0.41];

    public int Arms => Means.Count;

    public double Best => Means.Max();

    /// <summary>Δmin: the smallest positive gap.</summary>
    public double MinGap => Means.Where(m => m < Best).Min(m => Best - m);

    /// <summary>Δmax: the largest gap.</summary>
    public double MaxGap => Best - Means.Min();

    public BernoulliEnvironment Create() => new(Means);

    /// <summary>Σ Δᵢ / KL(μᵢ, μ*) · ln T.</summary>
    public double LaiRobbins(long rounds) => RegretBounds.LaiRobbins(Means, rounds);

    public static string ArmName(int index) => $"arm-{index}";
}
