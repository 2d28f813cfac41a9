using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Orleans.Bandits.Http.Dashboard;

/// <summary>
/// Serves the page's files from the resources embedded in this assembly, so every host that maps
/// the API ships the same page with nothing on disk and nothing fetched from elsewhere.
/// </summary>
internal sealed class DashboardAssets
{
    public const string IndexPage = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly ManifestEmbeddedFileProvider _files = new(typeof(DashboardAssets).Assembly, "Dashboard/wwwroot");

    public IResult Serve(HttpContext context, string path)
    {
        var file = _files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "not-found", "Not found.", $"The dashboard has no file '{path}'.");
        }

        if (!ContentTypes.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // Revalidated on every load (answered with 304 while unchanged), so a redeployed host never serves a stale page.
        context.Response.Headers.CacheControl = "no-cache";
        var tag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");
        return TypedResults.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: tag);
    }
}
