using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// A real <c>redis-server</c> (tests/run.sh installs it) on a free 127.0.0.1 port with its own temp
/// directory. AOF is on with <c>appendfsync always</c>, so everything Redis acknowledged survives
/// <see cref="KillAsync"/>; the process is killed whatever happens to the tests.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    private readonly string _directory = Directory.CreateTempSubdirectory("bandits-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    /// <summary>Short timeouts, so a request during an outage fails in about two seconds instead of five.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await KillAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Starts (or restarts, from its AOF) the server and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable()) { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--daemonize", "no",
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--maxmemory-policy", "noeviction",
            "--logfile", Path.Combine(_directory, "redis.log"),
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
                throw new InvalidOperationException($"redis-server on port {Port} did not come up: {File.ReadAllText(Path.Combine(_directory, "redis.log"))}");
            }

            await Task.Delay(50);
        }
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

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
