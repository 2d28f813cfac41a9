using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Orleans.Bandits.Http.Errors;

/// <summary>
/// Turns every failure into a problem response: refusals from the grains keep their status,
/// unreadable requests are 4xx, an unreachable cluster is 503 with Retry-After, anything else 500.
/// </summary>
public sealed partial class BanditsExceptionHandler(ILogger<BanditsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BanditsException refused => Problems.From(refused),
            BadHttpRequestException bad => Problems.Status(bad.StatusCode, bad.StatusCode == 413 ? "too-large" : "bad-request", "The request could not be read.", Unwrap(bad)),
            SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ConnectionFailedException or GatewayTooBusyException =>
                Problems.Status(503, "unavailable", "The cluster is unavailable; nothing was accepted.", exception.Message),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Path);
            problem = Problems.Status(500, "server-error", "Server error.", "An unexpected error occurred; it has been logged.");
        }

        if (problem.StatusCode == 503)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        await problem.ExecuteAsync(context);
        return true;
    }

    /// <summary>What was wrong with the request, in the API's terms: the framework's messages name .NET types.</summary>
    private static string Unwrap(BadHttpRequestException bad) => bad.InnerException is System.Text.Json.JsonException json
        ? $"Malformed JSON, or a value of the wrong type, at {json.Path ?? "$"}."
        : bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this server accepts."
            : "The request body could not be read as the JSON this route takes.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
