using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Orleans.Bandits.Http;

/// <summary>
/// The harness's result files as written, for the comparison view: <c>runs.csv</c> and <c>live.json</c>
/// from <see cref="BanditsDashboardOptions.HarnessDirectory"/>. The page parses and checks them.
/// </summary>
internal static class HarnessEndpoints
{
    public const string RunsFile = "runs.csv";
    public const string LiveFile = "live.json";

    public static RouteGroupBuilder MapHarnessEndpoints(this RouteGroupBuilder harness)
    {
        harness.MapGet("/runs", (HttpContext context, IConfiguration configuration) => ReadAsync(context, configuration, RunsFile, "text/csv"));
        harness.MapGet("/live", (HttpContext context, IConfiguration configuration) => ReadAsync(context, configuration, LiveFile, "application/json"));
        return harness;
    }

    private static async Task<IResult> ReadAsync(HttpContext context, IConfiguration configuration, string fileName, string contentType)
    {
        // Bound per request, so a host's configuration reload is seen without a restart.
        var directory = configuration.GetSection(BanditsDashboardOptions.Section).Get<BanditsDashboardOptions>()?.HarnessDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            return NotFound($"No harness directory is configured (Bandits:Dashboard:HarnessDirectory), so there is no {fileName}.");
        }

        string content;
        try
        {
            // The harness may be rewriting the file right now: share every access so neither side blocks the other.
            await using var stream = new FileStream(Path.Combine(directory, fileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            content = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound($"The harness directory has no {fileName} yet.");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Text(content, contentType);
    }

    private static IResult NotFound(string detail) =>
        Problems.Status(StatusCodes.Status404NotFound, "not-found", "No harness results.", detail);
}
