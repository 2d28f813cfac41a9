using StackExchange.Redis;

namespace Orleans.Bandits.Redis;

/// <summary>How the platform's Redis connections are set up, whichever provider opens them.</summary>
internal static class RedisConnections
{
    /// <summary>
    /// The connection string's settings, with socket I/O on the .NET thread pool unless the caller chose a
    /// <see cref="ConfigurationOptions.SocketManager"/>. StackExchange.Redis otherwise hands every read and
    /// write completion to its own dedicated threads, and on a small machine those threads fight the silo's
    /// for the cores: side by side on 2 cores the thread pool gave 1.4–1.6× the durable feedback throughput
    /// at 100 experiments (tests/Orleans.Bandits.Cluster.Benchmarks/RESULTS.md). Nothing in a silo blocks
    /// on Redis synchronously, which is what the dedicated threads protect against.
    /// </summary>
    public static ConfigurationOptions Parse(string connectionString) => UseThreadPool(ConfigurationOptions.Parse(connectionString));

    /// <summary>A copy of <paramref name="options"/>, on the thread pool unless it names a socket manager.</summary>
    public static ConfigurationOptions WithDefaults(ConfigurationOptions options) => UseThreadPool(options.Clone());

    private static ConfigurationOptions UseThreadPool(ConfigurationOptions options)
    {
        options.SocketManager ??= SocketManager.ThreadPool;
        return options;
    }
}
