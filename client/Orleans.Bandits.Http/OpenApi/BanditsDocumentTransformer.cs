using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// What the generated document cannot infer from the endpoints: the API's name, the API-key schemes every
/// <c>/v1</c> route requires (<see cref="ApiKeyAuthenticationMiddleware"/>), the body limit every body is
/// subject to (<see cref="RequestBodyLimit"/>) and what each tag groups. With these the document passes
/// Redocly's recommended rules and generators (openapi-typescript, NSwag) produce usable clients.
/// </summary>
public sealed class BanditsDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Experiments"] = "Create, read, change (status, policy params, arm metadata, winner rule), reset and delete experiments, add or retire their arms, and read each one's audit log.",
        ["Selection"] = "The hot path: which arm to use now, with a token to report its outcome.",
        ["Feedback"] = "Outcomes (rewards, or an arm's unavailability) for the tokens select returned.",
        ["Observing"] = "What an experiment has learned, live, and which policies exist.",
        ["Decisions"] = "The decision log: every selection with its outcome, as JSON pages or NDJSON, for export and offline evaluation.",
        ["Tenants"] = "Admin key only: tenants and their API keys.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Orleans.Bandits HTTP API",
            Version = "v1",
            Description = "A distributed multi-armed bandit platform: select an arm, report its reward, watch what is learned. "
                + "Every error is an RFC 9457 problem (application/problem+json) whose `type` ends with a stable slug.",
        };

        // The generated server URL is the request's base with a trailing slash; joined with "/v1/..." that doubles it.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        document.Tags = TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "`Authorization: Bearer <key>`: a tenant's API key, or the admin key for the Tenants routes. Ignored while auth is off (no admin key configured).",
            },
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The same key in the `X-Api-Key` header instead.",
            },
        };

        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            {
                if (path.StartsWith("/v1/", StringComparison.Ordinal))
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                    ];
                }

                // ProblemDetails is among the components: every /v1 route documents SharedRefusals with it.
                if (operation.RequestBody is not null && operation.Responses is { } responses)
                {
                    responses["413"] = new OpenApiResponse
                    {
                        Description = "The body is larger than the server accepts (default 1 MiB; `type` ends with `too-large`).",
                        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                        {
                            [ProblemResponseAttribute.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), document) },
                        },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }
}
