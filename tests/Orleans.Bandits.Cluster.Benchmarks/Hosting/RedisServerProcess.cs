using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// A redis-server of the benchmark's own, configured as production runs it (docker-compose.yml): AOF on,
/// <c>appendfsync everysec</c>, no eviction. It listens on a free 127.0.0.1 port, keeps its AOF in a temp
/// directory, and logs to stdout, which is read here both to learn when it is ready and so the pipe never
/// fills and blocks the server. <see cref="Connection"/> is the benchmark's own, for looking at the server.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private ConnectionMultiplexer? _connection;

    private RedisServerProcess(Process process, DirectoryInfo directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For inspecting the server (queues, command counts); the silos have connections of their own.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("redis-server is not started.");

    /// <summary>The connection string the silo's Redis mode takes (as in docker-compose.yml, plus the port).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>CPU time the server has used so far: how much of the machine Redis itself takes.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("bandits-bench-redis-");
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory.FullName,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--maxmemory-policy", "noeviction", "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server on port {port} exited before it was ready (is it installed? tests/run.sh installs it)."));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        var server = new RedisServerProcess(process, directory, port);
        try
        {
            await ready.Task.WaitAsync(StartLimit);
            // Admin mode for INFO and key scans; the silos' connections stay without it, as in production.
            server._connection = await ConnectionMultiplexer.ConnectAsync($"{server.ConnectionString},allowAdmin=true");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
