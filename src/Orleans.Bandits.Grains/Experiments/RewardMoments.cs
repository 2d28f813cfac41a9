namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Count, sum and sum of squares of a group's learned rewards: enough for its mean and variance.</summary>
[GenerateSerializer, Alias("bandits.RewardMoments")]
public sealed class RewardMoments
{
    [Id(0)]
    public long Count { get; set; }

    [Id(1)]
    public double Sum { get; set; }

    [Id(2)]
    public double SumOfSquares { get; set; }

    public double Mean => Sum / Count;

    /// <summary>The sample variance (n − 1), for at least two rewards.</summary>
    public double Variance => Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1));

    public void Learn(double reward)
    {
        Count++;
        Sum += reward;
        SumOfSquares += reward * reward;
    }
}
