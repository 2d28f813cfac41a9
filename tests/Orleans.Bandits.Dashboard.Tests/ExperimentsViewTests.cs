using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Orleans.Bandits.Dashboard.Tests.Fixtures;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ExperimentsViewTests(BrowserFixture browser, DashboardSiloFixture silo) : IClassFixture<DashboardSiloFixture>
{
    private readonly Page _page = new(browser.Driver, silo.BaseAddress);

    [Fact]
    public async Task The_page_loads_everything_from_its_own_host_with_no_console_errors()
    {
        await Api.CreateExperimentAsync(silo.Http, new { id = "console-check", arms = new[] { new { id = "a" }, new { id = "b" } } });
        _page.Open("#/experiments");
        _page.Element(By.CssSelector("tr[data-experiment='console-check']"));
        _page.Element(By.CssSelector("tr[data-experiment='console-check'] a")).Click();
        _page.TextWhen(By.Id("trained-events"), text => text == "0", "the live view to show the first stats event");

        Assert.Equal("function", _page.Script("return typeof Chart;"));
        var foreign = (IEnumerable<object>)_page.Script("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));")!;
        Assert.Empty(foreign);
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task Feedback_sent_through_the_api_changes_the_numbers_and_charts_without_a_reload()
    {
        await Api.CreateExperimentAsync(silo.Http, new
        {
            id = "live-hero",
            arms = new[] { new { id = "red" }, new { id = "blue" } },
            policy = new { name = "thompson-beta", @params = new { alpha = 2, beta = 3 } },
        });
        _page.Open("#/experiments/live-hero");
        _page.TextWhen(By.Id("trained-events"), text => text == "0", "the first stats event");
        var priorCurves = _page.ChartJson("posterior-chart", "c.data.datasets.map(d => d.data.map(p => p.y))");
        Assert.Contains("α=2.0, β=3.0", _page.ChartJson("posterior-chart", "c.data.datasets.map(d => d.label)"));
        _page.Script("window.noReloadMarker = 'still here';");

        await Api.SelectAndRewardAsync(silo.Http, "live-hero", 20, (arm, i) => arm == "red" ? (i % 4 == 0 ? 0 : 1) : (i % 3 == 0 ? 1 : 0));
        _page.TextWhen(By.Id("trained-events"), text => text == "20", "trained events to reach 20 on the page");

        Assert.Equal("still here", _page.Script("return window.noReloadMarker;"));
        Assert.NotEqual(priorCurves, _page.ChartJson("posterior-chart", "c.data.datasets.map(d => d.data.map(p => p.y))"));

        // The curves are the Beta posteriors of the stats the API reports: α = prior α + reward sum, β = prior β + count − reward sum.
        var stats = await Api.StatsAsync(silo.Http, "live-hero");
        var labels = _page.ChartJson("posterior-chart", "c.data.datasets.map(d => d.label)")!;
        foreach (var arm in stats.GetProperty("arms").EnumerateArray())
        {
            var count = arm.GetProperty("count").GetInt64();
            var rewardSum = arm.GetProperty("rewardSum").GetDouble();
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{arm.GetProperty("id").GetString()} (α={2 + rewardSum:F1}, β={3 + count - rewardSum:F1})"), labels);
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), _page.Element(By.CssSelector($"tr[data-arm='{arm.GetProperty("id").GetString()}'] td[data-field='count']")).Text);
        }

        // The share of the 20 learned events per arm, as one bar, adding up to 1.
        var shares = JsonDocument.Parse(_page.ChartJson("share-chart", "c.data.datasets.map(d => d.data.at(-1))")!).RootElement.EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(1.0, shares.Sum(), 6);
        var probabilityBest = JsonDocument.Parse(_page.ChartJson("best-chart", "c.data.datasets[0].data")!).RootElement.EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(1.0, probabilityBest.Sum(), 6);
        Assert.Contains("within", _page.Element(By.Id("staleness")).Text);
        Assert.Contains(stats.GetProperty("refreshIntervalMs").GetDouble().ToString("0", CultureInfo.InvariantCulture) + " ms", _page.Element(By.Id("staleness")).Text);

        var saved = _page.Screenshot("experiments");
        Assert.Equal((BrowserFixture.Width, BrowserFixture.Height), PngSize.Read(saved));

        // Back to the list, still without a reload: it shows the new counts too.
        _page.Element(By.LinkText("← all experiments")).Click();
        _page.TextWhen(By.CssSelector("tr[data-experiment='live-hero'] td[data-field='trainedEvents']"), text => text == "20", "the list to show 20 trained events");
        Assert.Equal("still here", _page.Script("return window.noReloadMarker;"));
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task Pause_and_resume_work_from_the_page()
    {
        await Api.CreateExperimentAsync(silo.Http, new { id = "pausable", arms = new[] { new { id = "a" }, new { id = "b" } } });
        _page.Open("#/experiments/pausable");
        var toggle = _page.Until(d => d.FindElement(By.Id("toggle-status")) is { Enabled: true } button && button.Text == "Pause" ? button : null, "the Pause button")!;

        toggle.Click();
        _page.Until(d => d.FindElement(By.Id("experiment-status")).GetAttribute("data-status") == "paused", "the page to show the experiment paused");
        Assert.Equal("paused", (await Api.ExperimentAsync(silo.Http, "pausable")).GetProperty("status").GetString());
        var paused = await (await silo.Http.PostAsJsonAsync("/v1/experiments/pausable/select", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(paused.GetProperty("paused").GetBoolean());

        _page.Until(d => d.FindElement(By.Id("toggle-status")) is { Enabled: true } button && button.Text == "Resume" ? button : null, "the Resume button")!.Click();
        _page.Until(d => d.FindElement(By.Id("experiment-status")).GetAttribute("data-status") == "running", "the page to show the experiment running");
        Assert.Equal("running", (await Api.ExperimentAsync(silo.Http, "pausable")).GetProperty("status").GetString());
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task Policies_without_a_beta_posterior_show_floating_95_percent_intervals_and_blocked_arms()
    {
        await Api.CreateExperimentAsync(silo.Http, new { id = "ucb-view", arms = new[] { new { id = "x" }, new { id = "y" } }, policy = new { name = "ucb1" } });
        _page.Open("#/experiments/ucb-view");
        _page.TextWhen(By.Id("trained-events"), text => text == "0", "the first stats event");
        Assert.False(_page.Element(By.Id("posterior-panel")).Displayed);

        // Six events per arm, so every arm has an interval (an arm with at most one learned event has none).
        await Api.RewardEachArmAsync(silo.Http, "ucb-view", ["x", "y"], 6, (_, i) => i % 3 == 0 ? 1 : 0);
        var blocked = await (await silo.Http.PostAsJsonAsync("/v1/experiments/ucb-view/select", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var blockedArm = blocked.GetProperty("arm").GetString()!;
        var unavailable = await silo.Http.PostAsJsonAsync("/v1/feedback", new { token = blocked.GetProperty("token").GetString(), unavailable = new { retryAfterMs = 600_000 } });
        Assert.True(unavailable.IsSuccessStatusCode);
        await Api.SelectAndRewardAsync(silo.Http, "ucb-view", 1, (_, _) => 1);

        _page.TextWhen(By.Id("blocked-arms"), text => text == blockedArm, "the blocked arm to be listed");
        Assert.StartsWith("blocked until", _page.Element(By.CssSelector($"tr[data-arm='{blockedArm}'] .badge")).Text);

        // Each bar floats from the interval's low end to its high end, exactly as the stats of the page's version report it.
        var stats = await Eventually.Until(
            () => Api.StatsAsync(silo.Http, "ucb-view"),
            s => s.GetProperty("trainedEvents").GetInt64() == 13,
            TimeSpan.FromSeconds(20),
            "all 13 rewards to be learned");
        var version = stats.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
        _page.TextWhen(By.Id("version"), text => text == version, "the page to reach the API's version");
        var bars = JsonDocument.Parse(_page.ChartJson("interval-chart", "c.data.datasets[0].data")!).RootElement;
        var expected = stats.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("ci95")).ToList();
        Assert.Equal(expected.Count, bars.GetArrayLength());
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(JsonValueKind.Array, expected[i].ValueKind);
            Assert.Equal(expected[i][0].GetDouble(), bars[i][0].GetDouble());
            Assert.Equal(expected[i][1].GetDouble(), bars[i][1].GetDouble());
        }

        Assert.Contains("has no posterior", _page.Element(By.Id("best-note")).Text);
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task The_page_shows_expected_loss_the_winner_and_the_audit_log_and_resets_the_experiment()
    {
        await Api.CreateExperimentAsync(silo.Http, new
        {
            id = "winner-view",
            arms = new[] { new { id = "red" }, new { id = "blue" } },
            winner = new { probabilityBest = 0.95, maxExpectedLoss = 0.01 },
        });
        _page.Open("#/experiments/winner-view");
        _page.TextWhen(By.Id("winner"), text => text.StartsWith("none yet", StringComparison.Ordinal), "the winner rule");

        // 110 events per arm, past the 100 per arm the rule waits for: red always pays, blue never.
        await Api.RewardEachArmAsync(silo.Http, "winner-view", ["red", "blue"], 110, (arm, _) => arm == "red" ? 1 : 0);
        _page.TextWhen(By.Id("winner"), text => text.StartsWith("red (since", StringComparison.Ordinal), "red to be shown as the winner");
        _page.Until(d => d.FindElement(By.Id("experiment-status")).GetAttribute("data-status") == "converged", "the page to show the experiment converged");
        Assert.Equal("winner", _page.Element(By.CssSelector("tr[data-arm='red'] #winner-badge")).Text);

        // Expected loss per arm as the stats report it: red gives up nothing, blue nearly all of red's lead.
        var stats = await Api.StatsAsync(silo.Http, "winner-view");
        var version = stats.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
        _page.TextWhen(By.Id("version"), text => text == version, "the page to reach the API's version");
        foreach (var arm in stats.GetProperty("arms").EnumerateArray())
        {
            var shown = _page.Element(By.CssSelector($"tr[data-arm='{arm.GetProperty("id").GetString()}'] td[data-field='expectedLoss']")).Text;
            Assert.Equal(arm.GetProperty("expectedLoss").GetDouble(), double.Parse(shown, CultureInfo.InvariantCulture), 3);
        }

        _page.Until(d => d.FindElements(By.CssSelector("#audit-table tr[data-action='winner']")).Count == 1, "the winner in the audit log");
        Assert.Equal("platform", _page.Element(By.CssSelector("#audit-table tr[data-action='winner'] td[data-field='actor']")).Text);
        Assert.Equal("admin", _page.Element(By.CssSelector("#audit-table tr[data-action='create'] td[data-field='actor']")).Text);

        // Reset takes two clicks; then nothing is learned and the log says who reset it.
        var reset = _page.Until(d => d.FindElement(By.Id("reset-experiment")) is { Enabled: true } button ? button : null, "the Reset button")!;
        reset.Click();
        _page.TextWhen(By.Id("reset-experiment"), text => text == "Confirm reset", "the reset to ask for confirmation");
        Assert.Equal(220, (await Api.StatsAsync(silo.Http, "winner-view")).GetProperty("trainedEvents").GetInt64());
        _page.Element(By.Id("reset-experiment")).Click();
        _page.TextWhen(By.Id("trained-events"), text => text == "0", "the page to show the reset experiment");
        _page.Until(d => d.FindElement(By.Id("experiment-status")).GetAttribute("data-status") == "running", "the winner to be gone with the reset");
        _page.Until(d => d.FindElements(By.CssSelector("#audit-table tr[data-action='reset']")).Count == 1, "the reset in the audit log");
        Assert.Equal(0, (await Api.StatsAsync(silo.Http, "winner-view")).GetProperty("trainedEvents").GetInt64());
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public async Task The_page_shows_the_serving_rules_and_the_uplift_and_changes_the_rollout()
    {
        await Api.CreateExperimentAsync(silo.Http, new
        {
            id = "serving-view",
            arms = new[] { new { id = "red" }, new { id = "blue" } },
            rollout = new { percentage = 40 },
            targeting = new[] { new { attribute = "country", op = "in", value = new[] { "DE", "AT" } } },
            defaultArm = "blue",
            holdout = new { percentage = 20 },
            explorationFloor = 0.1,
        });
        _page.Open("#/experiments/serving-view");
        _page.TextWhen(By.Id("rollout"), text => text == "40 %", "the rollout");
        Assert.Equal("20 %", _page.Element(By.Id("holdout")).Text);
        Assert.Equal("country in [\"DE\",\"AT\"]", _page.Element(By.Id("targeting")).Text);
        Assert.Equal("blue", _page.Element(By.Id("default-arm")).Text);
        Assert.Equal("0.10", _page.Element(By.Id("exploration-floor")).Text);
        Assert.Equal("always", _page.Element(By.Id("schedule")).Text);

        // Units inside the gates, some of them in the holdout: once both sides learned events, the uplift is shown.
        int bandit = 0, holdout = 0;
        for (var unit = 0; unit < 400 && (bandit < 2 || holdout < 2); unit++)
        {
            var selected = await (await silo.Http.PostAsJsonAsync("/v1/experiments/serving-view/select", new { unit = $"u{unit}", attributes = new { country = "DE" } }))
                .Content.ReadFromJsonAsync<JsonElement>();
            if (selected.GetProperty("token").GetString() is { } token)
            {
                Assert.Equal(System.Net.HttpStatusCode.Accepted, (await silo.Http.PostAsJsonAsync("/v1/feedback", new { token, reward = unit % 2 })).StatusCode);
                if (selected.TryGetProperty("holdout", out var inHoldout) && inHoldout.GetBoolean())
                {
                    holdout++;
                }
                else
                {
                    bandit++;
                }
            }
        }

        Assert.True(bandit >= 2 && holdout >= 2, $"{bandit} bandit and {holdout} holdout decisions");
        _page.TextWhen(By.Id("uplift"), text => text.Contains("holdout events)", StringComparison.Ordinal), "the uplift");

        // The rollout is changed from the page: the experiment has it at once, and the audit log says who.
        var input = _page.Element(By.Id("rollout-input"));
        input.Clear();
        input.SendKeys("70");
        _page.Element(By.Id("set-rollout")).Click();
        _page.TextWhen(By.Id("rollout"), text => text == "70 %", "the new rollout");
        Assert.Equal(70, (await Api.ExperimentAsync(silo.Http, "serving-view")).GetProperty("rollout").GetProperty("percentage").GetDouble());
        _page.Until(d => d.FindElements(By.CssSelector("#audit-table tr[data-action='change']")).Count == 1, "the change in the audit log");
        Assert.Empty(_page.ConsoleErrors());
    }
}
