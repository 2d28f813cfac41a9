using System.Net;
using System.Net.Http.Json;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// A local silo with auth off and default settings does not rate-limit: every request acts for the one anonymous
/// tenant, and its limit of 2,000/s answered most of a load test with 429 before.
/// </summary>
public sealed class UnlimitedByDefaultTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private const int Selects = 20_000;
    private const int Connections = 8;

    [Fact]
    public async Task Twenty_thousand_selects_as_fast_as_one_client_sends_them_are_all_answered()
    {
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.PostAsJsonAsync("/v1/experiments", new { id = "load-test", arms = new[] { new { id = "a" }, new { id = "b" } } })).StatusCode);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            var counts = new Dictionary<HttpStatusCode, int>();
            for (var i = 0; i < Selects / Connections; i++)
            {
                using var response = await fixture.Http.PostAsJsonAsync("/v1/experiments/load-test/select", new { });
                counts[response.StatusCode] = counts.GetValueOrDefault(response.StatusCode) + 1;
            }

            return counts;
        }));

        var answered = statuses.SelectMany(s => s).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        Assert.Equal(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.OK] = Selects }, answered);
    }
}
