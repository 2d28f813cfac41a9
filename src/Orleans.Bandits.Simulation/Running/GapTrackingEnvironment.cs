namespace Orleans.Bandits.Simulation.Running;

/// <summary>
/// Wraps an environment and records Δmax, the largest gap between the best and the worst expected
/// reward seen in any round. Worlds whose means drift or depend on a context have no fixed gap,
/// and this is the Δmax the batching-and-delay term needs for them.
/// </summary>
public sealed class GapTrackingEnvironment(IBanditEnvironment inner) : IBanditEnvironment
{
    public IBanditEnvironment Inner { get; } = inner;

    /// <summary>The largest per-round gap seen so far (0 before the first round).</summary>
    public double MaxGap { get; private set; }

    public string Name => Inner.Name;

    public int ArmCount => Inner.ArmCount;

    public int ContextDimension => Inner.ContextDimension;

    public int ResourceCount => Inner.ResourceCount;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        Inner.BeginRound(round, random, context, rewards);
        double best = double.NegativeInfinity, worst = double.PositiveInfinity;
        for (var arm = 0; arm < Inner.ArmCount; arm++)
        {
            var expected = Inner.ExpectedReward(arm);
            best = Math.Max(best, expected);
            worst = Math.Min(worst, expected);
        }

        MaxGap = Math.Max(MaxGap, best - worst);
    }

    public double ExpectedReward(int arm) => Inner.ExpectedReward(arm);

    public void DrawCosts(int arm, Random random, Span<double> costs) => Inner.DrawCosts(arm, random, costs);
}
