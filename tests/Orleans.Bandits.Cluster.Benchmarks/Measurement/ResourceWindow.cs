using System.Diagnostics;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cluster.Benchmarks.Measurement;

/// <summary>
/// Measures CPU (this process and redis-server), the load average and Redis' command counts between
/// <see cref="OpenAsync"/> and <see cref="CloseAsync"/>: on a shared 2-core machine, CPU per event is
/// the figure that survives other people's load, and the command counts say where Redis' share went.
/// </summary>
public sealed class ResourceWindow
{
    private readonly RedisServer? _redis;
    private readonly LoadAverageSampler _load;
    private readonly TimeSpan _processCpu;
    private readonly TimeSpan _redisCpu;
    private readonly RedisServerStats? _commands;
    private readonly long _allocated;
    private readonly int _collections;

    private ResourceWindow(RedisServer? redis, RedisServerStats? commands)
    {
        _redis = redis;
        _commands = commands;
        _redisCpu = redis?.CpuTime ?? TimeSpan.Zero;
        _processCpu = ProcessCpu();
        _allocated = GC.GetTotalAllocatedBytes();
        _collections = GC.CollectionCount(0);
        _load = LoadAverageSampler.Start();
    }

    public static async Task<ResourceWindow> OpenAsync(RedisServer? redis) =>
        new(redis, redis is null ? null : await RedisServerStats.ReadAsync(redis.Connection));

    public async Task<ResourceUse> CloseAsync()
    {
        var processCpu = ProcessCpu() - _processCpu;
        var redisCpu = (_redis?.CpuTime ?? TimeSpan.Zero) - _redisCpu;
        var commands = _redis is null ? null : (await RedisServerStats.ReadAsync(_redis.Connection)).Since(_commands!);
        var allocated = GC.GetTotalAllocatedBytes() - _allocated;
        var collections = GC.CollectionCount(0) - _collections;
        return new ResourceUse(await _load.StopAsync(), processCpu.TotalSeconds, redisCpu.TotalSeconds, commands, allocated, collections);
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
