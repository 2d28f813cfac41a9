using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DuckDB.NET.Data;
using Orleans.Bandits.Contracts.Decisions;
using Orleans.Bandits.Export;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>GET /v1/experiments/{id}/events.parquet over a live silo, read back by DuckDB and by the project's own reader.</summary>
public sealed class ParquetExportTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task The_parquet_file_holds_the_json_events_row_for_row_with_the_contract_columns()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "parquet", arms = new[] { new { id = "red" }, new { id = "blue" } }, contextDimension = 2, policy = new { name = "lin-thompson" } });
        var tokens = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var selected = await Http.PostAsJsonAsync("/v1/experiments/parquet/select", new { context = new[] { i * 0.5, 1 - (i * 0.25) } });
            tokens.Add((await Json(selected)).GetProperty("token").GetString()!);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/v1/feedback", new { token = tokens[0], reward = 1.0, eventId = "bought", costs = new[] { 0.25, 2.0 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/v1/feedback", new { token = tokens[1], reward = 0.0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/v1/feedback", new { token = tokens[2], unavailable = new { retryAfterMs = 1000 } })).StatusCode);
        var expected = await Eventually.Until(() => JsonEvents("parquet"), e => e.Count == 6 && e.Count(x => x.EventId is not null) == 3, TimeSpan.FromSeconds(30), "six decisions, three with outcomes");

        var response = await Http.GetAsync("/v1/experiments/parquet/events.parquet");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"parquet.events.parquet\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = await DuckDbRows(bytes);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameEvent(expected[i], rows[i]);
        }

        var read = await ReadBack(bytes);
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameEvent(expected[i], read[i]);
        }

        Assert.Contains(expected, e => e.Costs is [0.25, 2.0] && e.Context is { Length: 2 } && e.Propensity is > 0 and <= 1);
    }

    [Fact]
    public async Task The_columns_are_named_and_typed_as_the_contract_says_even_for_an_empty_log()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "parquet-empty", arms = new[] { new { id = "only" } } });

        var bytes = await (await Http.GetAsync("/v1/experiments/parquet-empty/events.parquet")).Content.ReadAsByteArrayAsync();

        var file = await TempFile(bytes);
        try
        {
            using var duck = Open();
            using var describe = duck.CreateCommand();
            describe.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{file}')";
            var columns = new List<(string, string)>();
            using (var reader = describe.ExecuteReader())
            {
                while (reader.Read())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            Assert.Equal(
                [
                    ("selectionId", "VARCHAR"), ("eventId", "VARCHAR"), ("arm", "VARCHAR"), ("propensity", "DOUBLE"), ("context", "DOUBLE[]"),
                    ("version", "BIGINT"), ("policy", "VARCHAR"), ("selectedAt", "TIMESTAMP WITH TIME ZONE"), ("reward", "DOUBLE"), ("costs", "DOUBLE[]"),
                    ("rewardedAt", "TIMESTAMP WITH TIME ZONE"), ("defaulted", "BOOLEAN"), ("holdout", "BOOLEAN"),
                ],
                columns);
            Assert.Empty(await DuckDbRows(bytes));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task From_and_to_keep_the_decisions_selected_in_the_window_from_included_to_excluded()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "parquet-window", arms = new[] { new { id = "a" }, new { id = "b" } }, policy = new { name = "epsilon-greedy" } });
        for (var i = 0; i < 5; i++)
        {
            await Http.PostAsJsonAsync("/v1/experiments/parquet-window/select", new { });

            // Distinct selection times, so the window's ends fall between decisions.
            await Task.Delay(5);
        }

        var all = await Eventually.Until(() => JsonEvents("parquet-window"), e => e.Count == 5, TimeSpan.FromSeconds(30), "five decisions");
        var from = all[1].SelectedAt;
        var to = all[3].SelectedAt;

        var response = await Http.GetAsync($"/v1/experiments/parquet-window/events.parquet?from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await ReadBack(await response.Content.ReadAsByteArrayAsync());
        var expected = all.Where(e => e.SelectedAt >= from && e.SelectedAt < to).Select(e => e.SelectionId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, read.Select(e => e.SelectionId));
        Assert.DoesNotContain(all[3].SelectionId, read.Select(e => e.SelectionId));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01T00:00:00Z", "to")]
    [InlineData("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "from")]
    public async Task A_bad_window_is_a_400_problem_naming_the_field(string query, string field)
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "parquet-bad", arms = new[] { new { id = "only" } } });

        var response = await Http.GetAsync($"/v1/experiments/parquet-bad/events.parquet?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task An_unknown_experiment_is_a_404_problem_not_an_empty_file()
    {
        var response = await Http.GetAsync("/v1/experiments/parquet-missing/events.parquet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertSameEvent(DecisionEvent expected, DecisionEvent actual)
    {
        Assert.Equal(expected.SelectionId, actual.SelectionId);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Arm, actual.Arm);
        Assert.Equal(expected.Propensity, actual.Propensity);
        Assert.Equal(expected.Context, actual.Context);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Policy, actual.Policy);
        Assert.Equal(expected.SelectedAt, actual.SelectedAt);
        Assert.Equal(expected.Reward, actual.Reward);
        Assert.Equal(expected.Costs, actual.Costs);
        Assert.Equal(expected.RewardedAt, actual.RewardedAt);
        Assert.Equal(expected.Defaulted, actual.Defaulted);
        Assert.Equal(expected.Holdout, actual.Holdout);
    }

    private async Task<List<DecisionEvent>> JsonEvents(string experiment)
    {
        var events = new List<DecisionEvent>();
        string? after = null;
        do
        {
            var query = after is null ? "" : $"&after={Uri.EscapeDataString(after)}";
            var page = (await Http.GetFromJsonAsync<DecisionEventPage>($"/v1/experiments/{experiment}/events?limit=10000{query}", Web))!;
            events.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return events;
    }

    /// <summary>The file's rows as DuckDB reads them, times as epoch milliseconds (DuckDB shows a UTC timestamp in its session's zone).</summary>
    private static async Task<List<DecisionEvent>> DuckDbRows(byte[] parquet)
    {
        var file = await TempFile(parquet);
        try
        {
            using var duck = Open();
            using var query = duck.CreateCommand();
            query.CommandText = $"SELECT * REPLACE (epoch_ms(selectedAt) AS selectedAt, epoch_ms(rewardedAt) AS rewardedAt) FROM read_parquet('{file}')";
            using var reader = query.ExecuteReader();
            var rows = new List<DecisionEvent>();
            while (reader.Read())
            {
                rows.Add(new DecisionEvent(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : [.. reader.GetFieldValue<List<double>>(4)],
                    reader.GetInt64(5),
                    reader.GetString(6),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    reader.IsDBNull(8) ? null : reader.GetDouble(8),
                    reader.IsDBNull(9) ? null : [.. reader.GetFieldValue<List<double>>(9)],
                    reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                    reader.GetBoolean(11),
                    reader.GetBoolean(12)));
            }

            return rows;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<List<DecisionEvent>> ReadBack(byte[] parquet)
    {
        var events = new List<DecisionEvent>();
        await foreach (var decisionEvent in ParquetDecisionReader.ReadAsync(new MemoryStream(parquet)))
        {
            events.Add(decisionEvent);
        }

        return events;
    }

    private static DuckDBConnection Open()
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        return duck;
    }

    private static async Task<string> TempFile(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bandits-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(file, bytes);
        return file;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
