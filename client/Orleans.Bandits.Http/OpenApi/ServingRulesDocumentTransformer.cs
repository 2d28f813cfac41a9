using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// The serving rules' JSON values, which C# holds as <c>JsonElement</c> and the exporter describes as one shared
/// "anything" component: a targeting rule's <c>value</c> (a scalar, or a list of them for <c>in</c> and <c>notIn</c>), a
/// select's <c>attributes</c> (scalars by name) and a PATCH's <c>defaultArm</c> (an arm id, or null for the first active
/// arm). Each is described in place, and the shared component, then unused, is dropped.
/// </summary>
public sealed class ServingRulesDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        Describe(schemas, nameof(TargetingRuleBody), "value", new OpenApiSchema
        {
            OneOf = [.. Scalars(), new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { OneOf = Scalars() } }],
            Description = "A string, number or boolean; for `in` and `notIn` a list of 1 to 100 of one type. `gt`, `gte`, `lt` and `lte` take a number, `contains` a string.",
        });
        Describe(schemas, nameof(ExperimentPatchBody), "defaultArm", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "An active arm's id; null serves the first active arm again. Left out, it stays as it is.",
        });
        Describe(schemas, nameof(SelectBody), "attributes", new OpenApiSchema
        {
            Type = JsonSchemaType.Object | JsonSchemaType.Null,
            AdditionalProperties = new OpenApiSchema { OneOf = Scalars() },
            Description = "What targeting rules test, by name: at most 64 attributes, names of 1 to 64 characters, strings of at most 256 characters, finite numbers or booleans.",
        });
        Describe(schemas, nameof(SelectBody), "unit", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "What rollout and holdout membership is sticky to (a user id), 1 to 256 characters, hashed with the experiment id: the same on every silo and after restarts. "
                + "Without it, where a rollout below 100 % or a holdout needs one, each request is a new random unit: the shares hold, nothing is sticky.",
        });
        schemas.Remove("JsonElement");
        return Task.CompletedTask;
    }

    private static void Describe(IDictionary<string, IOpenApiSchema> schemas, string type, string property, OpenApiSchema schema)
    {
        if (schemas.TryGetValue(type, out var body) && body is OpenApiSchema { Properties: { } properties } && properties.ContainsKey(property))
        {
            properties[property] = schema;
        }
    }

    private static List<IOpenApiSchema> Scalars() =>
    [
        new OpenApiSchema { Type = JsonSchemaType.String },
        new OpenApiSchema { Type = JsonSchemaType.Number },
        new OpenApiSchema { Type = JsonSchemaType.Boolean },
    ];
}
