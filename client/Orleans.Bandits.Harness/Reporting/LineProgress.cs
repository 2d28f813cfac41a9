using System.Globalization;
using Orleans.Bandits.Harness.Running;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>Progress for logs and redirected output (nohup): one line per finished run.</summary>
public sealed class LineProgress(TextWriter output, int totalRuns) : IStudyProgress
{
    private readonly Lock _writing = new();
    private int _finished;

    public void RunStarted(RunKey key)
    {
    }

    public void RequestCompleted(RunKey key)
    {
    }

    public void RunFinished(RunResult result)
    {
        var done = Interlocked.Increment(ref _finished);
        var s = result.Score;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{done}/{totalRuns}] {result.Key}: success {s.SuccessRate:0.000}, score {s.Score}, retries {s.Retries}, penalties {s.Penalties}, p50 {s.LatencyP50Ms:0.0} ms, {result.AchievedRps:0.0} req/s");

        // Runs finish in parallel, and only Console.Out is synchronized: a file or a test's StringWriter is not.
        lock (_writing)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
