using System.Globalization;
using System.Text.Json;
using OpenQA.Selenium;
using Orleans.Bandits.Dashboard.Tests.Fixtures;

namespace Orleans.Bandits.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ComparisonViewTests(BrowserFixture browser, DashboardSiloFixture silo) : IClassFixture<DashboardSiloFixture>
{
    // t(0.975) with 2 degrees of freedom: the harness file has three seeds per strategy and tier.
    private const double T975TwoDegrees = 4.302652729749464;

    private readonly Page _page = new(browser.Driver, silo.BaseAddress);

    private static string Interval(IReadOnlyList<double> values, string format)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = T975TwoDegrees * sd / Math.Sqrt(values.Count);
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {half.ToString(format, CultureInfo.InvariantCulture)}");
    }

    private string Cell(string table, string strategy, string field) =>
        _page.Element(By.CssSelector($"#{table} tr[data-strategy='{strategy}'] td[data-field='{field}']")).Text;

    [Fact]
    public void The_comparison_view_shows_the_harness_runs_with_t_intervals_over_seeds_and_marks_the_best_strategy()
    {
        _page.Open("#/comparison");
        _page.TextWhen(By.Id("runs-source"), text => text.StartsWith("Server runs.csv", StringComparison.Ordinal), "the server's runs.csv to load");

        foreach (var ((strategy, tier), scores) in HarnessFiles.Scores)
        {
            Assert.Equal(Interval([.. scores.Select(s => (double)s)], "F1"), Cell($"runs-table-{tier}", strategy, "score"));
        }

        // Success rate = successes / requests per seed; the file has successes = score + penalties out of 100.
        var v4T2 = HarnessFiles.Scores[("V4", "T2")].Select((s, i) => (s + HarnessFiles.Penalties(s, i + 1)) / 100.0).ToList();
        Assert.Equal(Interval(v4T2, "F3"), Cell("runs-table-T2", "V4", "successRate"));
        Assert.Equal("32.0 ± 2.5", Cell("runs-table-T1", "V1", "retries"));

        // Overall: per seed, summed over the tiers.
        var v5Overall = Enumerable.Range(0, 3).Select(seed => (double)(HarnessFiles.Scores[("V5", "T1")][seed] + HarnessFiles.Scores[("V5", "T2")][seed])).ToList();
        Assert.Equal(Interval(v5Overall, "F1"), Cell("runs-table-overall", "V5", "score"));

        Assert.Equal("V5", _page.Element(By.CssSelector("#runs-table-T1 tr[data-best='true']")).GetAttribute("data-strategy"));
        Assert.Equal("V4", _page.Element(By.CssSelector("#runs-table-T2 tr[data-best='true']")).GetAttribute("data-strategy"));
        Assert.Equal("V5", _page.Element(By.CssSelector("#runs-table-overall tr[data-best='true']")).GetAttribute("data-strategy"));
        Assert.Single(_page.Driver.FindElements(By.CssSelector("#runs-table-T1 tr.best")));
        Assert.Equal(["V1", "V4", "V5"], _page.ChartLabels("runs-chart")!.Select(l => (string)l));

        _page.TextWhen(By.Id("live-title"), text => text.StartsWith("Strategy V4, tier T1, seed 1", StringComparison.Ordinal), "the live run to show");
        Assert.Equal(3, _page.Driver.FindElements(By.CssSelector("#live-servers tbody tr")).Count);
        _page.Until(d => _page.ChartJson("live-success-chart", "c.data.datasets[0].data.length") == "3", "three live points");

        var saved = _page.Screenshot("comparison");
        Assert.Equal((BrowserFixture.Width, BrowserFixture.Height), PngSize.Read(saved));
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public void The_live_view_follows_the_running_harness_without_a_reload()
    {
        HarnessFiles.WriteLive(silo.HarnessDirectory, points: 3);
        _page.Open("#/comparison");
        _page.Until(d => _page.ChartJson("live-success-chart", "c.data.datasets[0].data.length") == "3", "three live points");
        _page.Script("window.noReloadMarker = 'still here';");

        HarnessFiles.WriteLive(silo.HarnessDirectory, points: 6);
        _page.Until(d => _page.ChartJson("live-regret-chart", "c.data.datasets[0].data.length") == "6", "six live points after the file grew");

        var regret = JsonDocument.Parse(_page.ChartJson("live-regret-chart", "c.data.datasets[0].data")!).RootElement;
        Assert.Equal(600, regret[5].GetProperty("x").GetDouble());
        Assert.Equal(27, regret[5].GetProperty("y").GetDouble(), 9);
        Assert.Equal("still here", _page.Script("return window.noReloadMarker;"));
        Assert.Empty(_page.ConsoleErrors());
    }

    [Fact]
    public void A_local_runs_csv_opened_with_the_file_input_replaces_the_server_results()
    {
        var local = Path.Combine(silo.HarnessDirectory, "local-runs.csv");
        File.WriteAllText(local, HarnessFiles.Header + "\nV7,T3,1,100,90,88,102,2,0,10,20\nV7,T3,2,100,92,91,101,1,0,10,20\nV8,T3,1,100,70,66,104,4,1,10,20\nV8,T3,2,100,72,70,102,2,0,10,20\n");
        _page.Open("#/comparison");
        _page.TextWhen(By.Id("runs-source"), text => text.StartsWith("Server runs.csv", StringComparison.Ordinal), "the server's runs.csv to load");

        _page.Element(By.Id("runs-file")).SendKeys(local);
        _page.TextWhen(By.Id("runs-source"), text => text.StartsWith("Local file local-runs.csv", StringComparison.Ordinal), "the local file to load");
        Assert.Equal("V7", _page.Element(By.CssSelector("#runs-table-T3 tr[data-best='true']")).GetAttribute("data-strategy"));
        Assert.Empty(_page.Driver.FindElements(By.Id("runs-table-T1")));

        File.WriteAllText(local, "strategy,tier,seed\nV7,T3,1\n");
        _page.Element(By.Id("runs-file")).Clear();
        _page.Element(By.Id("runs-file")).SendKeys(local);
        _page.TextWhen(By.Id("runs-source"), text => text.Contains("Not a harness runs.csv", StringComparison.Ordinal), "the header to be refused");
        Assert.Empty(_page.ConsoleErrors());
    }
}
