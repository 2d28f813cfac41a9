using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// The request bodies (the <c>…Body</c> records in <see cref="Models"/>) declare a required field nullable so the
/// handler can answer its absence with a 400 that names it; on the wire null is refused like absence. So in
/// their schemas a required field (a constructor parameter without a default) is not nullable, and generated
/// clients type it as such: <c>token: string</c>, not <c>token: string | null</c>. Optional fields (parameters
/// with a default) are left out of <c>required</c> by the schema exporter already.
/// </summary>
public sealed class RequestBodySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { AssociatedParameter.HasDefaultValue: false } property
            && property.DeclaringType.Name.EndsWith("Body", StringComparison.Ordinal)
            && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }
}
