namespace Orleans.Bandits.Cluster.Benchmarks.Measurement;

/// <summary>What a measured window cost the machine.</summary>
/// <param name="Load">The 1-minute load average during the window.</param>
/// <param name="ProcessCpuSeconds">CPU this process (silo and load generator) used.</param>
/// <param name="RedisCpuSeconds">CPU redis-server used (0 without Redis).</param>
/// <param name="Commands">Commands Redis ran and bytes it received (null without Redis).</param>
/// <param name="AllocatedBytes">Bytes this process allocated on the managed heap.</param>
/// <param name="Collections">Garbage collections in this process (all generations).</param>
public sealed record ResourceUse(LoadAverage Load, double ProcessCpuSeconds, double RedisCpuSeconds, RedisServerStats? Commands, long AllocatedBytes, int Collections)
{
    public double CpuSeconds => ProcessCpuSeconds + RedisCpuSeconds;
}
