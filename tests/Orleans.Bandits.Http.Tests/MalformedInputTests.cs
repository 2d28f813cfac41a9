using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

public sealed class MalformedInputTests(UnlimitedSiloFixture fixture) : IClassFixture<UnlimitedSiloFixture>
{
    private const int Requests = 5_000;

    [Fact]
    public async Task Five_thousand_malformed_requests_all_get_4xx_problems_and_change_nothing()
    {
        var http = fixture.Http;
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/v1/experiments", new { id = "fuzz-target", arms = new[] { new { id = "a" }, new { id = "b" } } })).StatusCode);
        var token = (await (await http.PostAsJsonAsync("/v1/experiments/fuzz-target/select", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var experimentBefore = await http.GetStringAsync("/v1/experiments/fuzz-target");

        // The select's decision reaches the log a few milliseconds later, off its path; "before" is once it is there.
        var statsBefore = await Eventually.Until(
            () => http.GetStringAsync("/v1/experiments/fuzz-target/stats"),
            stats => JsonDocument.Parse(stats).RootElement.GetProperty("decisions").GetInt64() == 1,
            TimeSpan.FromSeconds(20),
            "the select's decision to be recorded");

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var bad in new BadRequestGenerator(seed: 2026, "fuzz-target", token).Generate(Requests))
        {
            using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
            request.Headers.ExpectContinue = bad.ExpectContinue;
            if (bad.Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(bad.Body));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);
            }

            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status is < 400 or > 499 || !isProblem)
            {
                failures.Add($"{status} {(isProblem ? "" : "(not a problem) ")}for {bad}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Take(10))}\nstatus histogram: {string.Join(", ", statuses)}");

        // Nothing changed: the target is as it was, and nothing the fuzzer tried to create exists.
        await Task.Delay(OperationalDefaultsRefresh);
        Assert.Equal(experimentBefore, await http.GetStringAsync("/v1/experiments/fuzz-target"));
        Assert.Equal(statsBefore, await http.GetStringAsync("/v1/experiments/fuzz-target/stats"));
        var listed = (await http.GetFromJsonAsync<JsonElement>("/v1/experiments")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString());
        Assert.Equal(["fuzz-target"], listed);
    }

    [Fact]
    public async Task A_nul_byte_in_the_path_is_refused_by_the_server_before_any_api_code_runs()
    {
        // Kestrel rejects such a request line at the protocol level (with a bare 400 and a closed
        // connection); no endpoint, and no state, is ever reached.
        using var response = await fixture.Http.GetAsync("/v1/experiments/a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Long enough for any accepted event to have been trained (one training interval and a margin).</summary>
    private static readonly TimeSpan OperationalDefaultsRefresh = TimeSpan.FromSeconds(1);
}
