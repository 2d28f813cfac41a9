namespace Orleans.Bandits.Cli.Study;

/// <summary>Feedback delays in selections, exponential with the given mean (0 = every outcome at once), from their own seeded source.</summary>
public sealed class ExponentialDelay(double meanEvents, int seed)
{
    // A separate stream from the world's rewards, so turning delay on leaves the rewards of a seed unchanged.
    private readonly Random _random = new(HashCode.Combine(seed, 0x0de1a7));

    public double MeanEvents { get; } = meanEvents >= 0 && double.IsFinite(meanEvents)
        ? meanEvents
        : throw new ArgumentOutOfRangeException(nameof(meanEvents), meanEvents, "The mean delay must be a finite number >= 0.");

    public double Next() => MeanEvents == 0 ? 0 : -MeanEvents * Math.Log(1 - _random.NextDouble());
}
