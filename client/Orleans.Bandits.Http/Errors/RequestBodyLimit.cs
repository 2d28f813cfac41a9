using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Http.Errors;

/// <summary>
/// Enforces <see cref="BanditsHttpOptions.MaxBodyBytes"/> inside the pipeline rather than in
/// Kestrel, so an oversized request gets a 413 problem response like every other refusal:
/// a declared length over the limit is refused before the body is read; a chunked body is
/// stopped by the server once it passes the limit, which the exception handler turns into 413.
/// </summary>
public static class RequestBodyLimit
{
    public static async Task Enforce(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<BanditsHttpOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Status(StatusCodes.Status413PayloadTooLarge, "too-large", "The request body is too large.", $"Bodies are limited to {limit} bytes.")
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
