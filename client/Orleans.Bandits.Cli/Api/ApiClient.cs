using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Bandits.Cli.Api;

/// <summary>The public HTTP API as the management commands call it: one base URL, one key, error answers as <see cref="ApiException"/>.</summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>The API's JSON: camelCase, read case-insensitively.</summary>
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>How long a request may wait for the response headers before the API counts as unavailable (a stream's body is not bounded).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    /// <param name="baseAddress">The API's root, e.g. <c>http://127.0.0.1:5080</c>; a path prefix is kept.</param>
    /// <param name="apiKey">Sent as a bearer token when given; with auth off the API does not need one.</param>
    public ApiClient(Uri baseAddress, string? apiKey)
    {
        // Relative paths resolve under the base only when it ends with a slash (a reverse proxy's prefix survives).
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = RequestTimeout };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Uri BaseAddress { get; }

    /// <summary>The path of an experiment's route: ids are escaped, so a mistyped id reaches the API's validation rather than another route.</summary>
    public static string Experiment(string id, string? rest = null) => $"v1/experiments/{Uri.EscapeDataString(id)}{rest}";

    public Task<string> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>Sends a request with an optional JSON body and returns the response body as the API wrote it.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await OpenAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> and returns once the headers are in, for bodies read as a stream; an error answer throws.</summary>
    public async Task<HttpResponseMessage> OpenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ApiException.ReadAsync(response, cancellationToken);
        }
    }

    /// <summary>Reads an answer into <typeparamref name="T"/>; a body that does not fit means the URL is not this API.</summary>
    public static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Json) ?? throw new JsonException($"The answer was JSON null, not a {typeof(T).Name}.");

    public void Dispose() => _http.Dispose();
}
