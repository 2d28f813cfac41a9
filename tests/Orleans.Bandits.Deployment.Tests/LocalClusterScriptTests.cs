using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Deployment.Tests;

/// <summary>
/// <c>silo/run-local-cluster.sh</c> as a user runs it: it starts Redis, three silos and the gateway, a silo dies, and
/// Ctrl-C must still leave nothing running. Before, stopping Redis together with the silos left the survivors retrying
/// the membership table for more than 45 s.
/// </summary>
public sealed partial class LocalClusterScriptTests
{
    private static readonly string Root = typeof(LocalClusterScriptTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Ctrl_C_after_a_silo_died_stops_every_process_the_script_started_within_20_seconds()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "silo", "run-local-cluster.sh"), "--no-build"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["BANDITS_REDIS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["BANDITS_HTTP_PORT_BASE"] = FreePort.BaseOfFree(3).ToString(CultureInfo.InvariantCulture);
        start.Environment["BANDITS_SILO_PORT_BASE"] = FreePort.BaseOfFree(3).ToString(CultureInfo.InvariantCulture);
        start.Environment["BANDITS_GATEWAY_PORT_BASE"] = FreePort.BaseOfFree(3).ToString(CultureInfo.InvariantCulture);
        start.Environment["BANDITS_GATEWAY_HTTP_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        using var script = Process.Start(start)!;
        var output = new List<string>();
        var processesLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        script.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            lock (output)
            {
                output.Add(text);
            }

            if (text.StartsWith("processes:", StringComparison.Ordinal))
            {
                processesLine.TrySetResult(text);
            }
        };
        script.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.Add(line.Data ?? "");
            }
        };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        int[] started = [];
        try
        {
            var line = await processesLine.Task.WaitAsync(StartLimit);
            started = [.. Pids().Matches(line).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];
            Assert.Equal(5, started.Length);
            var (redis, silos, gateway) = (started[0], started[1..4], started[4]);

            // A fresh silo's log holds what a person reads, not the runtime's chatter (Orleans and Polly at Information).
            var logs = LogDirectory().Match(string.Join('\n', Snapshot(output))).Groups[1].Value;
            var silo1 = await File.ReadAllLinesAsync(Path.Combine(logs, "silo1.log"));
            Assert.DoesNotContain(silo1, l => l.StartsWith("info: Orleans", StringComparison.Ordinal) || l.StartsWith("info: Polly", StringComparison.Ordinal));

            Signal("KILL", silos[1]);
            await WaitAsync(() => !IsRunning(silos[1]), TimeSpan.FromSeconds(10), "the killed silo to be gone");

            Signal("INT", script.Id);
            await WaitAsync(() => script.HasExited && started.All(pid => !IsRunning(pid)), StopLimit, "every process to stop");

            Assert.Equal(130, script.ExitCode);
            Assert.False(IsRunning(redis));
            Assert.False(IsRunning(gateway));
            Assert.Contains(Snapshot(output), l => l.StartsWith("stopped;", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"The script failed:\n{string.Join('\n', Snapshot(output))}", e);
        }
        finally
        {
            foreach (var pid in started.Where(IsRunning))
            {
                Signal("KILL", pid);
            }

            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Running: the pid exists and is not a zombie waiting for its parent.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static async Task WaitAsync(Func<bool> done, TimeSpan limit, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(deadline.Elapsed < limit, $"waited {limit.TotalSeconds} s for {what}");
            await Task.Delay(Poll);
        }
    }

    private static List<string> Snapshot(List<string> output)
    {
        lock (output)
        {
            return [.. output];
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Pids();

    [GeneratedRegex(@"logs in (\S+)")]
    private static partial Regex LogDirectory();
}
