namespace Orleans.Bandits.Cli.Commands;

/// <summary>
/// A refusal in the present state of what the command works on, raised without the API (an offline evaluation of a
/// log too thin to evaluate): what an HTTP 409 is for a remote command, reported as one line with exit code 3.
/// </summary>
public sealed class RejectedException(string message) : Exception(message);
