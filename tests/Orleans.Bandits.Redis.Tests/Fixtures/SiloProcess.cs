using System.Diagnostics;
using System.Reflection;
using System.Text;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// The production silo (silo/Orleans.Bandits.Silo) as its own process in Redis mode, with its HTTP API on a free
/// 127.0.0.1 port. Unlike a TestingHost silo, <see cref="Kill"/> is a real crash: the process dies with whatever it
/// held in memory, and runs none of its stop steps. Killed on dispose, whatever happened.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    /// <summary>Where the test project's build put the silo (a build-only reference of this project).</summary>
    private static readonly string SiloAssembly = typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SiloAssembly").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The silo's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>What the silo printed so far, for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a silo of cluster <paramref name="clusterId"/> on <paramref name="redisConnectionString"/> and waits until it
    /// is ready. <paramref name="settings"/> are configuration keys in environment form (<c>Bandits__Decisions__Enabled</c>).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string redisConnectionString, string clusterId, IReadOnlyDictionary<string, string> settings)
    {
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloAssembly, "--urls", $"http://127.0.0.1:{httpPort}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Bandits__Mode"] = "Redis",
            ["Bandits__Redis__ConnectionString"] = redisConnectionString,
            ["Bandits__Dashboard__Orleans"] = "false",
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__Endpoints__AdvertisedIPAddress"] = "127.0.0.1",
            ["Orleans__Endpoints__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in environment.Concat(settings))
        {
            start.Environment[name] = value;
        }

        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the silo."), httpPort);
        try
        {
            await Eventually.Until(silo.IsReadyAsync, ready => ready, ReadyWithin, $"the silo on port {httpPort} to be ready");
            return silo;
        }
        catch (Exception e)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo did not become ready.\n{silo.Output}", e);
        }
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The silo exited with {_process.ExitCode}.\n{Output}");
        }

        try
        {
            using var response = await Http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
