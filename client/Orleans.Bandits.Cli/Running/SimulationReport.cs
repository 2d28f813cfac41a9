namespace Orleans.Bandits.Cli.Running;

/// <summary>Everything <c>bandits simulate</c> measured, ready to render.</summary>
/// <param name="Policy">Catalogue name.</param>
/// <param name="Environment">Environment name.</param>
/// <param name="Rounds">T.</param>
/// <param name="SeedCount">Seeds 1..N were run.</param>
/// <param name="Main">The run with the requested batch and delay.</param>
/// <param name="Instant">The batch 1 / delay 0 run on the same seeds, when asked for.</param>
/// <param name="LowerBound">The asymptotic regret lower bound at T where one applies (Lai–Robbins for Bernoulli arms).</param>
/// <param name="LowerBoundName">Which bound that is.</param>
/// <param name="AgainstBestFixedArm">Whether regret against the best fixed arm is the meaningful measure (adversarial worlds).</param>
/// <param name="FixedMeans">Whether the arms' means never change (the batching term is then a theorem, not a guide).</param>
/// <param name="AdditiveTerm">K · (B + D) · Δmax of the main run.</param>
/// <param name="Overhead">Measured against theory, when the instant run was made.</param>
public sealed record SimulationReport(
    string Policy,
    string Environment,
    long Rounds,
    int SeedCount,
    RunOutcome Main,
    RunOutcome? Instant,
    double? LowerBound,
    string? LowerBoundName,
    bool AgainstBestFixedArm,
    bool FixedMeans,
    double AdditiveTerm,
    BatchingOverhead? Overhead)
{
    /// <summary>The runs to show: the main one, then the instant baseline when it is a separate run.</summary>
    public IEnumerable<RunOutcome> Runs => Instant is null || ReferenceEquals(Instant, Main) ? [Main] : [Main, Instant];

    public double? RatioToBound(RunOutcome run) => LowerBound is > 0 and var bound ? run.PseudoRegret.Mean / bound : null;
}
