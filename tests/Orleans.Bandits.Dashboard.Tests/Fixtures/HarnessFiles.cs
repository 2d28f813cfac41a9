using System.Globalization;
using System.Text;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>
/// A small harness result in the agreed format: strategies V1, V4, V5 × tiers T1, T2 × seeds 1–3.
/// V5 leads T1 and overall, V4 leads T2; the tests recompute the expected intervals from <see cref="Scores"/>.
/// </summary>
public static class HarnessFiles
{
    public const string Header = "strategy,tier,seed,requests,successes,score,attempts,retries,penalties,latencyP50Ms,latencyP99Ms";

    public static readonly IReadOnlyDictionary<(string Strategy, string Tier), int[]> Scores = new Dictionary<(string, string), int[]>
    {
        [("V1", "T1")] = [60, 64, 62],
        [("V4", "T1")] = [80, 84, 79],
        [("V5", "T1")] = [85, 88, 86],
        [("V1", "T2")] = [50, 52, 51],
        [("V4", "T2")] = [70, 75, 72],
        [("V5", "T2")] = [69, 70, 68],
    };

    /// <summary>Penalties per run; a success scores +1 and a penalty −1, so successes = score + penalties.</summary>
    public static int Penalties(int score, int seed) => ((100 - score) / 8) + (seed % 2);

    public static string RunsCsv()
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var ((strategy, tier), scores) in Scores)
        {
            for (var seed = 1; seed <= scores.Length; seed++)
            {
                var score = scores[seed - 1];
                var penalties = Penalties(score, seed);
                var successes = score + penalties;
                csv.Append(CultureInfo.InvariantCulture, $"{strategy},{tier},{seed},100,{successes},{score},{130 + seed},{30 + seed},{penalties},{12.5 + seed},{80 + seed}\n");
            }
        }

        return csv.ToString();
    }

    public static string LiveJson(int points) =>
        $$"""
        {"strategy":"V4","tier":"T1","seed":1,"updatedAt":"{{DateTimeOffset.UtcNow:O}}",
         "points":[{{string.Join(",", Enumerable.Range(1, points).Select(i => $$"""{"requests":{{i * 100}},"successRate":{{(0.7 + (0.02 * i)).ToString(CultureInfo.InvariantCulture)}},"cumulativeRegret":{{(4.5 * i).ToString(CultureInfo.InvariantCulture)}}}"""))}}],
         "servers":[{"name":"t1-s0","tier":"T1","successRate":0.9,"rateLimited":0},
                    {"name":"t1-s1","tier":"T1","successRate":0.52,"rateLimited":0},
                    {"name":"t1-s2","tier":"T1","successRate":0.41,"rateLimited":3}]}
        """;

    public static void Write(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "runs.csv"), RunsCsv());
        WriteLive(directory, points: 3);
    }

    /// <summary>As the harness should: a whole new file renamed over the old, so a reader never sees half of one.</summary>
    public static void WriteLive(string directory, int points)
    {
        var temporary = Path.Combine(directory, "live.json.tmp");
        File.WriteAllText(temporary, LiveJson(points));
        File.Move(temporary, Path.Combine(directory, "live.json"), overwrite: true);
    }
}
