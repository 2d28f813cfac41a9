using System.Globalization;
using StackExchange.Redis;

namespace Orleans.Bandits.Cluster.Benchmarks.Measurement;

/// <summary>
/// Redis' own count of the commands it ran, the time it spent in each (INFO commandstats) and the bytes it
/// received (INFO stats). The difference across a run shows where the Redis side of the time goes:
/// appends, reads, acknowledgements, state writes, and how large those writes are.
/// </summary>
public sealed class RedisServerStats(IReadOnlyDictionary<string, (long Calls, long Microseconds)> commands, long inputBytes)
{
    public IReadOnlyDictionary<string, (long Calls, long Microseconds)> Commands { get; } = commands;

    /// <summary>Bytes received from clients (total_net_input_bytes): commands with their arguments, state writes included.</summary>
    public long InputBytes { get; } = inputBytes;

    public double TotalSeconds => Commands.Values.Sum(c => c.Microseconds) / 1e6;

    public static async Task<RedisServerStats> ReadAsync(IConnectionMultiplexer redis)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var commands = new Dictionary<string, (long, long)>();
        foreach (var line in (await server.InfoAsync("commandstats")).SelectMany(section => section))
        {
            // cmdstat_xadd: calls=10,usec=120,usec_per_call=12.00,rejected_calls=0,failed_calls=0
            var fields = line.Value.Split(',').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
            commands[line.Key.Replace("cmdstat_", string.Empty, StringComparison.Ordinal)] = (Number(fields["calls"]), Number(fields["usec"]));
        }

        var stats = (await server.InfoAsync("stats")).SelectMany(section => section).ToDictionary(s => s.Key, s => s.Value);
        return new RedisServerStats(commands, Number(stats["total_net_input_bytes"]));
    }

    /// <summary>What ran between <paramref name="before"/> and this reading.</summary>
    public RedisServerStats Since(RedisServerStats before) => new(
        Commands.ToDictionary(
            c => c.Key,
            c => before.Commands.TryGetValue(c.Key, out var earlier) ? (c.Value.Calls - earlier.Calls, c.Value.Microseconds - earlier.Microseconds) : c.Value),
        InputBytes - before.InputBytes);

    public long CallsOf(string command) => Commands.TryGetValue(command, out var stats) ? stats.Calls : 0;

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
