using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>A Spectre console over any writer: the real terminal as detected, anything else as plain wide text.</summary>
public static class ConsoleFactory
{
    /// <summary>Wide enough that the report table never wraps its numbers when the output is a file or a test.</summary>
    private const int PlainWidth = 180;

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
