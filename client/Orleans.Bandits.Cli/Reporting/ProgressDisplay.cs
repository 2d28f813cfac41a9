using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Shows a progress bar over seed runs on an interactive terminal, and nothing otherwise.</summary>
public static class ProgressDisplay
{
    /// <param name="console">Where to draw.</param>
    /// <param name="total">Seed runs to expect.</param>
    /// <param name="work">Runs the simulation, calling the tick (from any thread) after each seed.</param>
    public static T Run<T>(IAnsiConsole console, int total, Func<Action?, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return console.Progress()
            .AutoClear(true)
            .Start(context =>
            {
                var task = context.AddTask("Simulating seeds", maxValue: total);
                return work(() => task.Increment(1));
            });
    }
}
