namespace Orleans.Bandits.Simulation.Running;

/// <summary>How a simulation is played.</summary>
/// <param name="Rounds">Number of selections.</param>
/// <param name="Seed">Seeds both the environment's draws and the policy's sampling.</param>
/// <param name="BatchSize">Parameters are frozen for this many rounds between training steps (1 = instant).</param>
/// <param name="Delay">Feedback of round t arrives at round t + Delay (0 = instant).</param>
/// <param name="Exploration">The per-call exploration scale passed to every selection.</param>
/// <param name="CurvePoints">How many points of the cumulative-regret curve to keep.</param>
/// <param name="EstimatePropensities">
/// Whether selections estimate the propensities of drawn choices (Thompson sampling) as the platform does.
/// Off by default: the estimate counts a thousand rounds of draws per snapshot, and with batch 1 every
/// round has its own snapshot; exact propensities (ε-greedy, softmax, EXP3) are reported either way.
/// </param>
public sealed record SimulationOptions(
    long Rounds,
    int Seed = 1,
    int BatchSize = 1,
    int Delay = 0,
    double Exploration = 1.0,
    int CurvePoints = 100,
    bool EstimatePropensities = false)
{
    public void Validate()
    {
        if (Rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "Rounds must be >= 1.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be >= 1.");
        }

        if (Delay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "Delay must be >= 0.");
        }

        if (CurvePoints < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CurvePoints), CurvePoints, "Curve points must be >= 1.");
        }
    }
}
