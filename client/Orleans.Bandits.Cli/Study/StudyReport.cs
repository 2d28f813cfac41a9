namespace Orleans.Bandits.Cli.Study;

/// <summary>Everything <c>bandits study</c> measured, ready to render.</summary>
/// <param name="Policy">The policy studied.</param>
/// <param name="World">The Bernoulli instance.</param>
/// <param name="Scale">The setting in events.</param>
/// <param name="Rounds">T reported: the rounds asked for, or the last curve point every run reached when the study was stopped.</param>
/// <param name="RequestedRounds">The rounds asked for.</param>
/// <param name="Seeds">N.</param>
/// <param name="Cluster">Which platform the live settings ran on.</param>
/// <param name="Runs">Per setting, one run per seed (seed 1 first).</param>
/// <param name="Elapsed">Wall time of the live settings.</param>
public sealed record StudyReport(
    PolicyDescriptor Policy,
    StudyWorld World,
    TimeScale Scale,
    long Rounds,
    long RequestedRounds,
    int Seeds,
    string Cluster,
    IReadOnlyDictionary<StudySetting, IReadOnlyList<SeedRun>> Runs,
    TimeSpan Elapsed)
{
    /// <summary>The target the article sets for the price of distribution: (c − a) / a under 2 %.</summary>
    public const double TargetPercent = 2;

    public RegretDecomposition Decomposition { get; } = RegretDecomposition.Of(
        Runs[StudySetting.Ideal], Runs[StudySetting.Batched], Runs[StudySetting.BatchedDelayed], World.LaiRobbins(Rounds));

    public ArticleEstimate Article { get; } = ArticleEstimate.For(World, Rounds, Scale);

    /// <summary>Selections served from an older snapshot than the lockstep had waited for, over every live run.</summary>
    public long StaleSelections => Runs.Values.SelectMany(r => r).Sum(r => r.StaleSelections);

    public bool StoppedEarly => Rounds < RequestedRounds;

    /// <summary>The regret curve of a setting averaged over seeds, with its 95 % interval at every point (every run keeps the same rounds).</summary>
    public IReadOnlyList<(long Round, SeedSummary Regret)> MeanCurve(StudySetting setting)
    {
        var runs = Runs[setting];
        return runs[0].Curve
            .Select((point, index) => (point.Round, SeedSummary.Of(runs.Select(r => r.Curve[index].PseudoRegret).ToArray())))
            .ToArray();
    }

    /// <summary>Whether the 95 % interval of the overhead lies below the target, above it, or straddles it.</summary>
    public string Verdict => Decomposition.OverheadPercent switch
    {
        { Upper: < TargetPercent } => "met: the whole 95 % interval of the overhead is below 2 %",
        { Lower: > TargetPercent } => "NOT met: the whole 95 % interval of the overhead is above 2 %",
        _ => "not resolved at this many seeds: the 95 % interval of the overhead contains 2 %",
    };
}
