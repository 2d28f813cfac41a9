namespace Orleans.Bandits.Simulation.Running;

/// <summary>
/// What batching and delay cost: the regret of the distributed run (snapshots refreshed every B
/// rounds, feedback D rounds late) against the instant run on the same seeds, and the additive
/// term K · (B + D) · Δmax that theory allows for it (<see cref="RegretBounds.BatchingAndDelay"/>).
/// </summary>
/// <param name="InstantRegret">Mean pseudo-regret with batch 1 and delay 0.</param>
/// <param name="DistributedRegret">Mean pseudo-regret with the batch and delay under study.</param>
/// <param name="AdditiveTerm">K · (B + D) · Δmax.</param>
public sealed record BatchingOverhead(double InstantRegret, double DistributedRegret, double AdditiveTerm)
{
    /// <summary>(distributed − instant) / instant · 100; <c>null</c> when the instant run had no regret to compare with.</summary>
    public double? MeasuredPercent => InstantRegret > 0 ? (DistributedRegret - InstantRegret) / InstantRegret * 100 : null;

    /// <summary>The additive term as a percentage of the instant regret: the overhead theory allows.</summary>
    public double? AllowedPercent => InstantRegret > 0 ? AdditiveTerm / InstantRegret * 100 : null;

    /// <summary>Whether the distributed regret stays within the instant regret plus the additive term.</summary>
    public bool WithinBound => DistributedRegret <= InstantRegret + AdditiveTerm;

    /// <summary>
    /// K · (B + D) · Δmax for worlds whose gaps change over time (drift, contexts), Δmax being the
    /// largest gap between the best and worst expected reward in any round. For fixed means it is
    /// exactly <see cref="RegretBounds.BatchingAndDelay"/>.
    /// </summary>
    public static double AdditiveTermFor(int arms, int batchSize, int delay, double maxGap) =>
        arms * (double)(batchSize + delay) * maxGap;
}
