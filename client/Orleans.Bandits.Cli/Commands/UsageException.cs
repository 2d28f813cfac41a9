namespace Orleans.Bandits.Cli.Commands;

/// <summary>A command-line value the simulator cannot accept; reported without a stack trace, exit code 2.</summary>
/// <param name="option">The offending option as typed, e.g. <c>--param alpha</c>.</param>
/// <param name="message">What is wrong and what would be accepted.</param>
public sealed class UsageException(string option, string message) : Exception(message)
{
    public string Option { get; } = option;

    public override string ToString() => $"{Option}: {Message}";
}
