using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// The request bodies (the <c>…Body</c> records in <see cref="Models"/>) type every field nullable, so a handler can
/// answer a missing one with a 400 that names it; what a client must send is marked <see cref="RequiredAttribute"/>.
/// In their schemas exactly the marked fields are required, and not nullable (null is refused like absence), and
/// every other field is optional: generated clients then accept <c>{}</c> for select and <c>{token, reward}</c> for
/// feedback, and a field added later is optional unless marked, as most are. (The exporter alone would require
/// every constructor parameter.)
/// </summary>
public sealed class RequestBodySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // A body's own schema, at the top of a request or nested in another body (policy, unavailable, arms' items).
        if (IsRequestBody(context.JsonTypeInfo.Type))
        {
            var required = context.JsonTypeInfo.Properties.Where(IsMarkedRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = required.Count > 0 ? required : null;
        }
        else if (context.JsonPropertyInfo is { } property && IsRequestBody(property.DeclaringType) && IsMarkedRequired(property) && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    private static bool IsRequestBody(Type type) =>
        type.Namespace == typeof(FeedbackBody).Namespace && type.Name.EndsWith("Body", StringComparison.Ordinal);

    private static bool IsMarkedRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: false) == true;
}
