using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>
/// Shows how far the live settings are: a progress bar on an interactive terminal, otherwise a
/// line on standard error every minute (a long study runs in the background).
/// </summary>
public static class StudyProgress
{
    private static readonly TimeSpan LineEvery = TimeSpan.FromMinutes(1);

    /// <param name="console">Where the bar is drawn.</param>
    /// <param name="error">Where progress lines go when there is no bar.</param>
    /// <param name="total">Live selections to expect.</param>
    /// <param name="work">The study, given a callback for selections made (thread-safe).</param>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, TextWriter error, long total, Func<Action<long>, Task<T>> work)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .AutoClear(true)
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Live selections", maxValue: total);
                    return await work(made => task.Increment(made));
                });
        }

        long done = 0;
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        var gate = new Lock();
        return await work(made =>
        {
            var now = Interlocked.Add(ref done, made);
            lock (gate)
            {
                if (clock.Elapsed - lastLine < LineEvery)
                {
                    return;
                }

                lastLine = clock.Elapsed;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"study: {now:N0} of {total:N0} live selections after {clock.Elapsed.TotalMinutes:0.0} min"));
            }
        });
    }
}
