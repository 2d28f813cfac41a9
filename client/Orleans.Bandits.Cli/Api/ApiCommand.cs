using System.CommandLine;
using System.Text.Json;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Api;

/// <summary>
/// Runs a management command against the API and turns every failure into one line on stderr and the exit code of
/// its class (<see cref="ExitCodes"/>), so a script can branch on it and a person reads no stack trace.
/// </summary>
public static class ApiCommand
{
    /// <summary>Adds the connection options to <paramref name="command"/> and makes <paramref name="run"/> its action.</summary>
    public static Command WithApiAction(this Command command, Func<ApiInvocation, Task> run)
    {
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(connection, parseResult, run, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ConnectionOptions connection, ParseResult parseResult, Func<ApiInvocation, Task> run, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        Uri? address = null;
        try
        {
            using var api = connection.Connect(parseResult);
            address = api.BaseAddress;
            await run(new ApiInvocation(parseResult, api, parseResult.GetValue(connection.Json), cancellationToken));
            return ExitCodes.Success;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Option}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (RejectedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Rejected;
        }
        catch (ApiException e)
        {
            error.WriteLine(e.OneLine);
            return e.ExitCode;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: cannot reach the API at {address}: {Innermost(e).Message} (unreachable)");
            return ExitCodes.Unavailable;
        }
        catch (HttpIOException e)
        {
            error.WriteLine($"error: the connection to the API at {address} broke: {e.Message} (unreachable)");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            error.WriteLine($"error: the API at {address} did not answer within {ManagementFormat.Seconds(ApiClient.RequestTimeout)} (timeout)");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("error: cancelled");
            return ExitCodes.Failure;
        }
        catch (JsonException e)
        {
            error.WriteLine($"error: the answer from {address} is not the bandits API's: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
