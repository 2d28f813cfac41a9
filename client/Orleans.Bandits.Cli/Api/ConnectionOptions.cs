using System.CommandLine;
using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Api;

/// <summary>The options every management command shares: where the API is, the key to send, and the output form.</summary>
public sealed class ConnectionOptions
{
    public const string UrlVariable = "BANDITS_URL";
    public const string ApiKeyVariable = "BANDITS_API_KEY";

    /// <summary>Where <c>dotnet run --project silo/Orleans.Bandits.Silo</c> serves the API.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    // The environment is read when the command runs, not as a default value: help would print a default, and the key must never be printed.
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The API's base URL. Default: ${UrlVariable}, else {DefaultUrl}.",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key (a tenant's, or the admin key for tenants and keys). Default: ${ApiKeyVariable}; none with auth off.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON as it answered instead of tables.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
    }

    public ApiClient Connect(ParseResult parseResult)
    {
        var url = parseResult.GetValue(Url) ?? NonEmpty(Environment.GetEnvironmentVariable(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException("--url", $"'{url}' is not an http:// or https:// URL (e.g. {DefaultUrl}).");
        }

        return new ApiClient(address, parseResult.GetValue(ApiKey) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
