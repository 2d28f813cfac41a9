using Spectre.Console;

namespace Orleans.Bandits.Tools;

/// <summary>A Spectre console over any writer: the real terminal as detected, anything else as plain wide text.</summary>
public static class ConsoleFactory
{
    /// <param name="writer">Where the output goes: <see cref="Console.Out"/> is the terminal as detected.</param>
    /// <param name="plainWidth">The width used when the output is not a terminal, wide enough that the caller's tables never wrap their numbers in a file or a test.</param>
    public static IAnsiConsole For(TextWriter writer, int plainWidth)
    {
        if (ReferenceEquals(writer, Console.Out))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
            if (!console.Profile.Out.IsTerminal)
            {
                console.Profile.Width = plainWidth;
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
        plain.Profile.Width = plainWidth;
        return plain;
    }
}
