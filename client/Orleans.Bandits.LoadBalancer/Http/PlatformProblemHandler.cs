using Microsoft.AspNetCore.Diagnostics;

namespace Orleans.Bandits.LoadBalancer.Http;

/// <summary>Turns the platform's refusals and an unreachable cluster into problem details with the right status.</summary>
public sealed class PlatformProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BanditsException { Kind: BanditsErrorKind.Validation } => (StatusCodes.Status400BadRequest, "Invalid request"),
            BanditsException { Kind: BanditsErrorKind.NotFound } => (StatusCodes.Status404NotFound, "Not found"),
            BanditsException { Kind: BanditsErrorKind.Conflict } => (StatusCodes.Status409Conflict, "Conflict"),
            BanditsException { Kind: BanditsErrorKind.Unavailable } => (StatusCodes.Status503ServiceUnavailable, "Platform unavailable"),
            OrleansException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Platform unreachable"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
