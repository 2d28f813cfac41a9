namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// Bernoulli arms whose means drift along sines: μᵢ(t) = cᵢ + a·sin(2π t / P + 2π i / K), each arm
/// a K-th of a period out of phase with the next, so the best arm changes smoothly and repeatedly.
/// The gradual counterpart of <see cref="AbruptChangeEnvironment"/>: no single moment to detect.
/// </summary>
public sealed class SlowDriftEnvironment : IBanditEnvironment
{
    private readonly double[] _means;

    public SlowDriftEnvironment(IReadOnlyList<double> centres, double amplitude, double period)
    {
        if (centres.Count == 0)
        {
            throw new ArgumentException("Give at least one arm.", nameof(centres));
        }

        if (!(amplitude >= 0) || centres.Any(c => !(c - amplitude >= 0 && c + amplitude <= 1)))
        {
            throw new ArgumentException("Every centre ± amplitude must stay a probability in [0, 1].", nameof(amplitude));
        }

        if (!(period > 0) || double.IsInfinity(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be a positive number of rounds.");
        }

        Centres = centres.ToArray();
        Amplitude = amplitude;
        Period = period;
        _means = new double[centres.Count];
    }

    public IReadOnlyList<double> Centres { get; }

    public double Amplitude { get; }

    /// <summary>Rounds per full cycle of every arm's mean.</summary>
    public double Period { get; }

    public string Name => "slow-drift";

    public int ArmCount => Centres.Count;

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    /// <summary>Arm <paramref name="arm"/>'s mean in round <paramref name="round"/>.</summary>
    public double Mean(int arm, long round) =>
        Centres[arm] + (Amplitude * Math.Sin((2 * Math.PI * round / Period) + (2 * Math.PI * arm / ArmCount)));

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        for (var arm = 0; arm < ArmCount; arm++)
        {
            _means[arm] = Math.Clamp(Mean(arm, round), 0, 1);
            rewards[arm] = random.NextDouble() < _means[arm] ? 1 : 0;
        }
    }

    public double ExpectedReward(int arm) => _means[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }
}
