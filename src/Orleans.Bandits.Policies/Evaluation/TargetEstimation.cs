namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>How a target policy's choice probabilities are obtained for an evaluation (<see cref="TargetProbabilities"/>).</summary>
/// <param name="Training">What the target has learned when its probabilities for a decision are taken.</param>
/// <param name="BatchSize">Decisions learned between two snapshots of the target, as the platform batches training.</param>
/// <param name="ContextFreeDraws">
/// Selections behind each snapshot's probabilities for a context-free target: a share of N selections has standard
/// error ≤ 1/(2√N), 0.8 points at the default 4,000.
/// </param>
/// <param name="ContextualDraws">
/// Selections behind each decision's probabilities for a contextual target (they depend on the decision's
/// context): 5 points at the default 100, but the error is independent from decision to decision and unbiased,
/// so it only widens the estimators' intervals, which include it.
/// </param>
/// <param name="Exploration">The exploration scale of the target's selections: 1 plays the policy as configured.</param>
/// <param name="Seed">Seeds the selections, so an evaluation is reproducible.</param>
public sealed record TargetEstimation(
    TargetTraining Training = TargetTraining.Replay,
    int BatchSize = 100,
    int ContextFreeDraws = 4_000,
    int ContextualDraws = 100,
    double Exploration = 1,
    int Seed = 1)
{
    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or an exploration scale that is not a finite number ≥ 0.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ContextFreeDraws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ContextualDraws, 1);
        if (!double.IsFinite(Exploration) || Exploration < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Exploration), Exploration, "Exploration must be a finite number >= 0.");
        }
    }
}
