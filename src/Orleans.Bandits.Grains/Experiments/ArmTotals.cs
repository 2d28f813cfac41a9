namespace Orleans.Bandits.Grains.Experiments;

/// <summary>All-time learned counts of one arm, kept beside the policy's own statistics (which may forget, e.g. sliding windows).</summary>
[GenerateSerializer, Alias("bandits.ArmTotals")]
public sealed class ArmTotals
{
    [Id(0)]
    public long Count { get; set; }

    [Id(1)]
    public double RewardSum { get; set; }

    [Id(2)]
    public double RewardSumOfSquares { get; set; }

    /// <summary>Unix ms until which the arm is masked as unavailable.</summary>
    [Id(3)]
    public long BlockedUntilUnixMs { get; set; }

    /// <summary>Unavailable reports since the last reward (drives backoff).</summary>
    [Id(4)]
    public int ConsecutiveUnavailable { get; set; }

    public void Learn(double reward)
    {
        Count++;
        RewardSum += reward;
        RewardSumOfSquares += reward * reward;
    }
}
