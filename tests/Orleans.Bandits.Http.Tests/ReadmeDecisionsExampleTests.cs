using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DuckDB.NET.Data;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// The README's "Decisions and evaluation" example runs as written against this fixture's silo (instead of port
/// 5080). The `duckdb` CLI is not installable offline, so the script's `duckdb -c` hands its query to the test,
/// which runs it with DuckDB.NET, the same engine, on the file the script downloaded.
/// </summary>
public sealed class ReadmeDecisionsExampleTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private const int Decisions = 200;

    [Fact]
    public async Task The_decisions_example_logs_every_decision_exports_it_and_evaluates_another_policy()
    {
        var directory = Directory.CreateTempSubdirectory("readme-decisions-");
        try
        {
            var query = Path.Combine(directory.FullName, "query.sql");
            var script = $"duckdb() {{ printf '%s' \"$2\" > '{query}'; }}\n"
                + ReadmeBlocks.Bash("decisions-example").Replace("http://127.0.0.1:5080", fixture.Http.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
            var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var bash = Process.Start(start)!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var errors = bash.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await bash.WaitForExitAsync(timeout.Token);
            Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}: {await errors}");

            // The experiment, then the evaluation: the only JSON the script prints.
            var documents = JsonValues(await output);
            Assert.Equal(2, documents.Count);
            Assert.Equal("checkout-button", documents[0].GetProperty("id").GetString());
            var evaluation = documents[1];
            Assert.InRange(evaluation.GetProperty("events").GetInt64(), 2, Decisions);
            Assert.Equal(["ips", "snips", "dr"], evaluation.GetProperty("estimates").EnumerateArray().Select(e => e.GetProperty("estimator").GetString()));
            Assert.Equal(2, evaluation.GetProperty("logged").GetProperty("ci95").GetArrayLength());

            // The query as the script gave it, on the file the script downloaded: one row per arm.
            var sql = (await File.ReadAllTextAsync(query)).Replace("'checkout.events.parquet'", $"'{Path.Combine(directory.FullName, "checkout.events.parquet")}'", StringComparison.Ordinal);
            var rows = await QueryAsync(sql);
            Assert.Equal(Decisions, rows.Sum(r => r.Decisions));
            Assert.Subset(new HashSet<string> { "green", "orange" }, rows.Select(r => r.Arm).ToHashSet());

            // Sales were accepted before the export began, so the file holds them all; every other decision is
            // learned with the default 0 once its wait is over.
            var stats = await Eventually.Until(
                () => fixture.Http.GetFromJsonAsync<JsonElement>("/v1/experiments/checkout-button/stats"),
                s => s.GetProperty("trainedEvents").GetInt64() == Decisions,
                TimeSpan.FromSeconds(30),
                "every decision to be learned, with its sale or the default");
            var arms = stats.GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
            foreach (var row in rows)
            {
                Assert.Equal(arms[row.Arm].GetProperty("rewardSum").GetDouble(), row.Sales);
                Assert.Equal(arms[row.Arm].GetProperty("decisions").GetInt64(), row.Decisions);
            }

            Assert.Equal(Decisions - rows.Sum(r => r.Sales), stats.GetProperty("defaultRewards").GetInt64());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<List<(string Arm, long Decisions, double Sales, long Defaulted)>> QueryAsync(string sql)
    {
        await using var duckdb = new DuckDBConnection("DataSource=:memory:");
        await duckdb.OpenAsync();
        await using var command = duckdb.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, double, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1)), reader.IsDBNull(2) ? 0 : Convert.ToDouble(reader.GetValue(2)), Convert.ToInt64(reader.GetValue(3))));
        }

        return rows;
    }

    /// <summary>The JSON documents curl printed one after another (without newlines between them).</summary>
    private static List<JsonElement> JsonValues(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        var documents = new List<JsonElement>();
        while (reader.Read())
        {
            documents.Add(JsonElement.ParseValue(ref reader));
        }

        return documents;
    }
}
