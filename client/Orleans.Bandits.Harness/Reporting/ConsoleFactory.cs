using Spectre.Console;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>A Spectre console over any writer: the real terminal as detected, anything else as plain wide text.</summary>
public static class ConsoleFactory
{
    /// <summary>Wide enough that the summary tables never wrap their numbers in a log file or a test.</summary>
    private const int PlainWidth = 200;

    public static IAnsiConsole For(TextWriter writer)
    {
        if (ReferenceEquals(writer, Console.Out))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
            if (!console.Profile.Out.IsTerminal)
            {
                console.Profile.Width = PlainWidth;
            }

            return console;
        }

        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        plain.Profile.Width = PlainWidth;
        return plain;
    }
}
