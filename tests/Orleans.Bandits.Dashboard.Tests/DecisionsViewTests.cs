using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Orleans.Bandits.Dashboard.Tests.Fixtures;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Dashboard.Tests;

/// <summary>The experiment view's decision-log panels: decisions against their outcomes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionsViewTests(BrowserFixture browser, DashboardSiloFixture silo) : IClassFixture<DashboardSiloFixture>
{
    private readonly Page _page = new(browser.Driver, silo.BaseAddress);

    [Fact]
    public async Task Decisions_show_against_their_timely_and_defaulted_outcomes_per_arm()
    {
        await Api.CreateExperimentAsync(silo.Http, new
        {
            id = "decided",
            arms = new[] { new { id = "a" }, new { id = "b" } },
            policy = new { name = "epsilon-greedy" },
            rewardWaitSeconds = 1,
            defaultReward = 0,
        });
        _page.Open("#/experiments/decided");
        _page.TextWhen(By.Id("decisions"), text => text == "0", "the first stats event");
        Assert.Contains("1 s after it was made", _page.Element(By.Id("reward-wait")).Text);

        // Six decisions, two rewarded at once; the other four are learned with the default once their second is over.
        for (var i = 0; i < 6; i++)
        {
            var selection = await (await silo.Http.PostAsJsonAsync("/v1/experiments/decided/select", new { })).Content.ReadFromJsonAsync<JsonElement>();
            if (i < 2)
            {
                var feedback = await silo.Http.PostAsJsonAsync("/v1/feedback", new { token = selection.GetProperty("token").GetString(), reward = 1 });
                Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
            }
        }

        var stats = await Eventually.Until(
            () => Api.StatsAsync(silo.Http, "decided"),
            s => s.GetProperty("trainedEvents").GetInt64() == 6 && s.GetProperty("decisions").GetInt64() == 6,
            TimeSpan.FromSeconds(30),
            "all six decisions recorded and learned");
        Assert.Equal(4, stats.GetProperty("defaultRewards").GetInt64());
        var version = stats.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
        _page.TextWhen(By.Id("version"), text => text == version, "the page to reach the API's version");

        Assert.Equal("6", _page.Element(By.Id("decisions")).Text);
        Assert.Equal("6", _page.Element(By.Id("learned-outcomes")).Text);
        Assert.Equal("4", _page.Element(By.Id("default-rewards")).Text);
        Assert.Equal("0", _page.Element(By.Id("pending-decisions")).Text);
        var perArm = JsonDocument.Parse(_page.ChartJson("decisions-chart", "c.data.datasets.map(d => d.data)")!).RootElement;
        var arms = stats.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(arms.Select(a => a.GetProperty("decisions").GetInt64()), perArm[0].EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal(arms.Select(a => a.GetProperty("count").GetInt64()), perArm[1].EnumerateArray().Select(v => v.GetInt64()));
        Assert.Empty(_page.ConsoleErrors());
    }
}
