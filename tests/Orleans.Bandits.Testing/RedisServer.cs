using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Bandits.Tools;
using StackExchange.Redis;

namespace Orleans.Bandits.Testing;

/// <summary>
/// A private <c>redis-server</c> (tests/run.sh installs it) on a free 127.0.0.1 port with its own temp
/// directory, configured as docker compose runs it: AOF on, no eviction, no RDB snapshots. It can be
/// killed and started again from its AOF (<see cref="KillAsync"/>, <see cref="StartAsync"/>), and it is
/// killed on dispose and when this process exits, whatever happened.
/// </summary>
public class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _directory = Directory.CreateTempSubdirectory("bandits-redis-").FullName;
    private readonly string _appendFsync;
    private readonly string _clientOptions;
    private Process? _process;
    private ConnectionMultiplexer? _connection;

    /// <param name="appendFsync">
    /// <c>everysec</c> as in production; <c>always</c> where a test kills the server and needs everything
    /// Redis acknowledged to survive.
    /// </param>
    /// <param name="clientOptions">StackExchange.Redis options after the endpoint in <see cref="ConnectionString"/>.</param>
    public RedisServer(string appendFsync = "everysec", string clientOptions = "abortConnect=false")
    {
        _appendFsync = appendFsync;
        _clientOptions = clientOptions;
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>The connection string the silos and clients take.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},{_clientOptions}";

    /// <summary>An admin connection for inspecting the server (INFO, key scans); the silos have their own, without admin commands, as in production.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("redis-server is not started.");

    /// <summary>CPU time the server has used so far: how much of the machine Redis itself takes.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("redis-server is not running.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Starts a server and waits until it answers.</summary>
    public static async Task<RedisServer> StartAsync(string appendFsync = "everysec", string clientOptions = "abortConnect=false")
    {
        var server = new RedisServer(appendFsync, clientOptions);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts (or restarts, from its AOF) the server and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable()) { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--daemonize", "no",
            "--appendonly", "yes", "--appendfsync", _appendFsync, "--save", "", "--maxmemory-policy", "noeviction",
            // A log file rather than a pipe: a pipe nobody reads fills and blocks the server.
            "--logfile", LogFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        var deadline = DateTime.UtcNow + StartLimit;
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                await KillAsync();
                throw new InvalidOperationException($"redis-server on port {Port} did not come up within {StartLimit.TotalSeconds} s: {ReadLog()}");
            }

            await Task.Delay(PingInterval);
        }

        // Opened once: after a restart the multiplexer reconnects by itself.
        _connection ??= await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},allowAdmin=true");
    }

    /// <summary>Kills the server at once (SIGKILL): no shutdown save, only what the AOF already holds survives.</summary>
    public async Task KillAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Bytes Redis holds for the data set (<c>used_memory</c>) and the number of keys.</summary>
    public async Task<(long UsedMemory, long Keys)> MeasureAsync()
    {
        var server = Connection.GetServer(Connection.GetEndPoints()[0]);
        var memory = (await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return (long.Parse(memory, CultureInfo.InvariantCulture), await server.DatabaseSizeAsync());
    }

    /// <summary>Kills the server and deletes its directory; safe to call twice (xunit may dispose a fixture through both of its interfaces).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        await KillAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string LogFile => Path.Combine(_directory, "redis.log");

    private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[7];
            var read = await stream.ReadAsync(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("redis-server is not on PATH; tests/run.sh installs it.");
}
