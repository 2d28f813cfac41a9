using System.CommandLine;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Tools;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Api;

/// <summary>One run of a management command: its parsed line, the API, where output goes and whether it is JSON.</summary>
public sealed class ApiInvocation(ParseResult parseResult, ApiClient api, bool json, CancellationToken cancellationToken)
{
    private IAnsiConsole? _console;

    public ParseResult ParseResult { get; } = parseResult;

    public ApiClient Api { get; } = api;

    /// <summary><c>--json</c>: the API's JSON goes to the output as it came, tables not at all.</summary>
    public bool Json { get; } = json;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    /// <summary>Progress and notes that must not mix with the output a script reads.</summary>
    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public IAnsiConsole Console => _console ??= ConsoleFactory.For(Output, ManagementFormat.PlainWidth);

    public T GetValue<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T GetValue<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    /// <summary>With <c>--json</c> prints the body as the API sent it; otherwise renders it with <paramref name="render"/>.</summary>
    public void Show<T>(string body, Action<IAnsiConsole, T> render)
    {
        if (Json)
        {
            Output.WriteLine(body);
            return;
        }

        render(Console, ApiClient.Read<T>(body));
    }

    /// <summary>A confirmation for a human; with <c>--json</c> nothing, since the API answered with no body.</summary>
    public void Confirm(string message)
    {
        if (!Json)
        {
            Output.WriteLine(message);
        }
    }
}
