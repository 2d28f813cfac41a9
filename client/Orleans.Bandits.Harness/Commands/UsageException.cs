namespace Orleans.Bandits.Harness.Commands;

/// <summary>A wrong option value; the message names the option.</summary>
public sealed class UsageException(string option, string message) : Exception(message)
{
    public string Option { get; } = option;
}
