using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// A policy's <c>params</c> (<see cref="PolicyBody"/>, <see cref="PolicyResponse"/>) map a name to a number or a
/// list of numbers. C# holds the values as <c>JsonElement</c> or <c>object</c>, which the exporter describes as a
/// bare object; generators read that as "no entries allowed" (openapi-typescript: <c>Record&lt;string, never&gt;</c>).
/// </summary>
public sealed class PolicyParamsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { Name: "params" } property
            && (property.DeclaringType == typeof(PolicyBody) || property.DeclaringType == typeof(PolicyResponse)))
        {
            schema.AdditionalProperties = new OpenApiSchema
            {
                OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.Number },
                    new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Number } },
                ],
            };
        }

        return Task.CompletedTask;
    }
}
