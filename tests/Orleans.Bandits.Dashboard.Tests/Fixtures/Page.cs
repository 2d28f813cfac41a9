using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>What the tests do with the page: open it, wait for it, read its DOM and charts, and keep screenshots.</summary>
public sealed class Page(ChromeDriver driver, Uri baseAddress)
{
    /// <summary>The longest any wait takes: every wait is bounded, and a timeout fails with what was awaited.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    public ChromeDriver Driver => driver;

    /// <summary>Opens a route with a clean tab state (no key, no console entries left from an earlier test).</summary>
    public void Open(string hash)
    {
        driver.Navigate().GoToUrl(new Uri(baseAddress, "/"));
        Script("sessionStorage.clear(); localStorage.clear();");
        driver.Navigate().GoToUrl(new Uri(baseAddress, "/" + hash));
        driver.Navigate().Refresh();
        ConsoleErrors();
    }

    public object? Script(string script, params object[] arguments) => driver.ExecuteScript(script, arguments);

    public T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(driver, WaitLimit) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public string TextWhen(By by, Func<string, bool> condition, string what) =>
        Until(d => d.FindElement(by).Text is var text && condition(text) ? text : null, what)!;

    public IWebElement Element(By by) => Until(d => d.FindElement(by), $"element {by}");

    /// <summary>Console entries at error level since the last call (reading the browser log drains it).</summary>
    public IReadOnlyList<string> ConsoleErrors() => driver.Manage().Logs.GetLog(LogType.Browser)
        .Where(entry => entry.Level >= LogLevel.Severe)
        .Select(entry => entry.Message)
        .ToList();

    /// <summary>The data of a Chart.js chart on the page, as JSON (null when the chart does not exist).</summary>
    public string? ChartJson(string canvasId, string expression) =>
        Script($"const c = Chart.getChart('{canvasId}'); return c ? JSON.stringify({expression}) : null;") as string;

    public ReadOnlyCollection<object>? ChartLabels(string canvasId) =>
        Script($"const c = Chart.getChart('{canvasId}'); return c ? c.data.labels : null;") as ReadOnlyCollection<object>;

    /// <summary>Saves a PNG of the viewport under tests/Orleans.Bandits.Dashboard.Tests/screenshots and returns its path.</summary>
    public string Screenshot(string name)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "Orleans.Bandits.Dashboard.Tests", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }
}
