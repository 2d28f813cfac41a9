namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Thompson sampling with a Beta posterior for rewards in [0, 1]. A fractional reward r counts
/// as a success with probability r (the Bernoulli trick of Agrawal and Goyal), which keeps the
/// posterior conjugate and the regret guarantee intact.
/// Exploration scale s divides both posterior shapes by s², which keeps the mean and
/// multiplies the variance by about s²; s = 0 plays the posterior mean.
/// Propensity: estimated from posterior draws once per snapshot (<see cref="WinProbabilityTables"/>).
/// </summary>
/// <remarks>Layout: arm = [α, β] (prior plus successes and failures); shared = [events learned].</remarks>
public sealed class ThompsonBetaPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "thompson-beta",
        "Thompson sampling with Beta posteriors; the default for success/failure rewards. " + WinProbabilityTables.CatalogueNote("posterior draws"),
        Contextual: false,
        RewardRange.Unit,
        [
            new("alpha", 1, "Prior successes (Beta α).", Min: 0, MinExclusive: true),
            new("beta", 1, "Prior failures (Beta β).", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, _) => new ThompsonBetaPolicy(d, p));

    protected override double[] NewArm() => [Parameters["alpha"], Parameters["beta"]];

    protected override double[] NewShared(int armCount) => [0];

    protected override bool ScoresAreDrawn => true;

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var counter = (ulong)state.Shared[0];
        state.Shared[0] = counter + 1;
        var success = DeterministicCoin.IsSuccess(trainingEvent.Reward, counter);
        state.Arms[trainingEvent.Arm][success ? 0 : 1] += 1;
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var stats = snapshot.Arms[arm];
        return BetaScore.Draw(stats[0], stats[1], exploration, random);
    }
}
