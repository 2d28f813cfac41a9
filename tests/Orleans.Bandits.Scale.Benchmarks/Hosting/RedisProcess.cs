using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Orleans.Bandits.Scale.Benchmarks.Hosting;

/// <summary>
/// A private <c>redis-server</c> on a free 127.0.0.1 port with its own temp directory, configured as
/// docker compose runs it (AOF on, fsync every second, no eviction). It is killed on dispose and
/// when this process exits, whatever happened.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _directory;
    private readonly EventHandler _killOnExit;

    private RedisProcess(Process process, string directory, EventHandler killOnExit, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        _directory = directory;
        _killOnExit = killOnExit;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string ConnectionString => Connect(Port);

    /// <summary>An admin connection (INFO); the silo has its own, without admin commands.</summary>
    public ConnectionMultiplexer Connection { get; }

    public static async Task<RedisProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bandits-scale-redis-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--maxmemory-policy", "noeviction",
            "--logfile", Path.Combine(directory, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; is it installed (apt-get install redis-server)?");
        EventHandler killOnExit = (_, _) => Kill(process);
        AppDomain.CurrentDomain.ProcessExit += killOnExit;
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(Connect(port) + ",allowAdmin=true");
                await connection.GetDatabase().PingAsync();
                return new RedisProcess(process, directory, killOnExit, port, connection);
            }
            catch (RedisConnectionException) when (!process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (RedisConnectionException e)
            {
                Kill(process);
                throw new InvalidOperationException($"redis-server on port {port} did not come up within {StartLimit.TotalSeconds} s.", e);
            }
        }
    }

    /// <summary>Bytes Redis holds for the data set (<c>used_memory</c>) and the number of keys.</summary>
    public async Task<(long UsedMemory, long Keys)> MeasureAsync()
    {
        var server = Connection.GetServer(Connection.GetEndPoints()[0]);
        var memory = (await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return (long.Parse(memory, CultureInfo.InvariantCulture), await server.DatabaseSizeAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Connect(int port) => $"127.0.0.1:{port},abortConnect=true,connectTimeout=2000";

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }
}
