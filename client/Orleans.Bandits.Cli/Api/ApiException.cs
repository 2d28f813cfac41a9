using System.Net;
using System.Text.Json;

namespace Orleans.Bandits.Cli.Api;

/// <summary>An error answer from the API, read from its problem details (RFC 9457) where it sent them.</summary>
/// <param name="status">The HTTP status code.</param>
/// <param name="slug">The last segment of the problem <c>type</c> (e.g. <c>not-found</c>), which clients match on; <c>null</c> without problem details.</param>
/// <param name="message">The problem's <c>detail</c>, else its <c>title</c>, else the status's reason phrase.</param>
public sealed class ApiException(int status, string? slug, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string? Slug { get; } = slug;

    /// <summary>What the CLI prints on stderr: one line, e.g. <c>error: No experiment 'x'. (HTTP 404 not-found)</c>.</summary>
    public string OneLine => $"error: {Flatten(Message)} (HTTP {Status}{(Slug is null ? "" : " " + Slug)})";

    public int ExitCode => Status switch
    {
        400 or 413 => ExitCodes.Usage,
        401 or 403 => ExitCodes.Denied,
        404 or 409 or 410 => ExitCodes.Rejected,
        429 or >= 500 => ExitCodes.Unavailable,
        _ => ExitCodes.Failure,
    };

    public static async Task<ApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : ((HttpStatusCode)status).ToString();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ApiException(status, null, reason);
            }

            // The platform's types end with a slug (".../problems/not-found"); ASP.NET's defaults point into an RFC
            // ("...rfc9110#section-15.5.5"), where the last segment names nothing, so they get none.
            var slug = Uri.TryCreate(Text(problem.RootElement, "type"), UriKind.Absolute, out var type) && type.Fragment.Length == 0 && type.Segments[^1].Trim('/') is { Length: > 0 } last ? last : null;
            return new ApiException(status, slug, Text(problem.RootElement, "detail") ?? Text(problem.RootElement, "title") ?? reason);
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, an empty 404 for an unknown route): the status says enough.
            return new ApiException(status, null, reason);
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
