using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven by Debian's chromedriver. Both paths are given, so Selenium
/// Manager never runs and nothing is downloaded; a fresh profile per run keeps no state between runs.
/// </summary>
public sealed class BrowserFixture : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";
    public const int Width = 1280;
    public const int Height = 800;

    private readonly string _profile = Directory.CreateTempSubdirectory("dashboard-chromium-").FullName;

    public BrowserFixture()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium and chromium-driver ({ChromiumPath}, {ChromeDriverPath}); tests/run.sh installs them.");
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            $"--user-data-dir={_profile}",
            $"--window-size={Width},{Height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));

        // The window size includes the browser's own frame; the screenshots need the page area itself at exactly this size.
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Width,
            ["height"] = Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = false,
        });
    }

    public ChromeDriver Driver { get; }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
