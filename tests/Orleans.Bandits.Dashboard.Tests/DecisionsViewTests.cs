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

    [Fact]
    public async Task The_evaluate_panel_shows_what_the_endpoint_estimates_for_the_chosen_policy()
    {
        await Api.CreateExperimentAsync(silo.Http, new { id = "evaluated", arms = new[] { new { id = "a" }, new { id = "b" } }, policy = new { name = "random" } });
        await Api.SelectAndRewardAsync(silo.Http, "evaluated", 40, (arm, _) => arm == "a" ? 1 : 0);
        await Eventually.Until(
            () => Api.StatsAsync(silo.Http, "evaluated"),
            s => s.GetProperty("decisions").GetInt64() == 40,
            TimeSpan.FromSeconds(20),
            "all 40 decisions recorded");
        var request = new { policy = new { name = "epsilon-greedy", @params = new { epsilon = 0.2 } }, estimators = new[] { "ips", "snips", "dr" } };
        var expected = await (await silo.Http.PostAsJsonAsync("/v1/experiments/evaluated/evaluate", request)).Content.ReadFromJsonAsync<JsonElement>();

        _page.Open("#/experiments/evaluated");
        _page.Until(d => d.FindElements(By.CssSelector("#evaluate-policy option[value='epsilon-greedy']")).Count == 1, "the policy catalogue in the panel");
        _page.Script("const s = document.getElementById('evaluate-policy'); s.value = 'epsilon-greedy';");
        var parameters = _page.Element(By.Id("evaluate-params"));
        parameters.Clear();
        parameters.SendKeys("{\"epsilon\": 0.2}");
        _page.Element(By.Id("evaluate-run")).Click();
        _page.TextWhen(By.Id("evaluate-status"), text => text.StartsWith("epsilon-greedy on", StringComparison.Ordinal), "the estimates");

        Assert.Equal($"epsilon-greedy on {expected.GetProperty("events").GetInt64()} logged events.", _page.Element(By.Id("evaluate-status")).Text);
        Assert.Equal(Value(expected.GetProperty("logged").GetProperty("value")), Cell("logged policy", "value"));
        foreach (var estimate in expected.GetProperty("estimates").EnumerateArray())
        {
            var name = estimate.GetProperty("estimator").GetString()!;
            Assert.Equal(Value(estimate.GetProperty("value")), Cell(name, "value"));
            var interval = estimate.GetProperty("ci95");
            Assert.Equal($"[{Value(interval[0])}, {Value(interval[1])}]", Cell(name, "ci95"));
        }

        _page.Screenshot("decisions");
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task The_evaluate_panel_shows_the_problem_when_the_log_cannot_be_evaluated()
    {
        // One arm: every choice is certain, so no decision has a usable propensity and the endpoint answers 409.
        await Api.CreateExperimentAsync(silo.Http, new { id = "certain", arms = new[] { new { id = "only" } }, policy = new { name = "ucb1" } });
        await Api.SelectAndRewardAsync(silo.Http, "certain", 3, (_, _) => 1);
        _page.Open("#/experiments/certain");
        _page.Until(d => d.FindElements(By.CssSelector("#evaluate-policy option")).Count > 1, "the policy catalogue in the panel");
        await Eventually.Until(
            () => Api.StatsAsync(silo.Http, "certain"),
            s => s.GetProperty("decisions").GetInt64() == 3,
            TimeSpan.FromSeconds(20),
            "all 3 decisions recorded");
        _page.Element(By.Id("evaluate-run")).Click();
        _page.Until(d => d.FindElement(By.Id("evaluate-status")).GetAttribute("class") == "error", "the problem to be shown");

        Assert.False(_page.Element(By.Id("evaluate-table")).Displayed);
        Assert.StartsWith("The log has 3 decisions with a reward in the window, 0 of them with a propensity", _page.Element(By.Id("evaluate-status")).Text);
    }

    private string Cell(string estimate, string field) =>
        _page.Element(By.CssSelector($"#evaluate-table tr[data-estimate='{estimate}'] td[data-field='{field}']")).Text;

    /// <summary>As the page formats a number: three decimals, a dash for none.</summary>
    private static string Value(JsonElement number) =>
        number.ValueKind == JsonValueKind.Number ? number.GetDouble().ToString("F3", CultureInfo.InvariantCulture) : "—";
}
