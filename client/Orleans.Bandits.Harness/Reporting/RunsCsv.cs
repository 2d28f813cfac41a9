using Orleans.Bandits.Harness.Running;

namespace Orleans.Bandits.Harness.Reporting;


/// <summary>
/// <c>runs.csv</c>, one row per strategy × tier × seed, in the exact shape the dashboard reads. A row
/// is appended as each run finishes, so the file grows during the study; at the end it is rewritten
/// in plan order.
/// </summary>
public sealed class RunsCsv(string path)
{
    public const string Header = "strategy,tier,seed,requests,successes,score,attempts,retries,penalties,latencyP50Ms,latencyP99Ms";

    private readonly Lock _gate = new();

    public void Start() => File.WriteAllText(path, Header + "\n");

    public void Append(RunResult result)
    {
        lock (_gate)
        {
            File.AppendAllText(path, Row(result) + "\n");
        }
    }

    public void Rewrite(IEnumerable<RunResult> ordered)
    {
        lock (_gate)
        {
            File.WriteAllLines(path, [Header, .. ordered.Select(Row)]);
        }
    }

    public static string Row(RunResult result)
    {
        var s = result.Score;
        return Csv.Row(result.Key.Strategy, result.Key.Tier, result.Key.Seed, s.Requests, s.Successes, s.Score, s.Attempts, s.Retries, s.Penalties, s.LatencyP50Ms, s.LatencyP99Ms);
    }
}
