using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Bandits.Http.Auth;
using Orleans.Bandits.Http.Errors;

namespace Orleans.Bandits.Harness.Dashboard;

/// <summary>
/// The harness's result files as written, for the dashboard's comparison view: <c>runs.csv</c> and
/// <c>live.json</c> under <c>/dashboard/harness</c>. A dashboard extension of the harness's host, not part of
/// the platform's API: a host that serves a harness directory maps it (the page parses and checks the files).
/// </summary>
public static class HarnessResultsEndpoints
{
    public const string RunsFile = "runs.csv";
    public const string LiveFile = "live.json";

    /// <summary>Maps <c>/dashboard/harness/runs</c> and <c>/dashboard/harness/live</c>, read from <paramref name="directory"/>, for any API key.</summary>
    public static IEndpointRouteBuilder MapHarnessResults(this IEndpointRouteBuilder app, string directory)
    {
        var harness = app.MapGroup("/dashboard/harness")
            .AddEndpointFilter(new AuthenticationFilter(adminOnly: false))
            .ExcludeFromDescription();
        harness.MapGet("/runs", (HttpResponse response, CancellationToken aborted) => ReadAsync(response, directory, RunsFile, "text/csv", aborted));
        harness.MapGet("/live", (HttpResponse response, CancellationToken aborted) => ReadAsync(response, directory, LiveFile, "application/json", aborted));
        return app;
    }

    private static async Task<IResult> ReadAsync(HttpResponse response, string directory, string fileName, string contentType, CancellationToken aborted)
    {
        string content;
        try
        {
            // The harness may be rewriting the file right now: share every access so neither side blocks the other.
            await using var stream = new FileStream(Path.Combine(directory, fileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            content = await reader.ReadToEndAsync(aborted);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "not-found", "No harness results.", $"The harness directory has no {fileName} yet.");
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(content, contentType);
    }
}
