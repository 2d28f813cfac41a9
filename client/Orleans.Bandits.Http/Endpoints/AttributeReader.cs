using System.Text.Json;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>JSON scalars as <see cref="AttributeValue"/>s: a select's attributes and a targeting rule's values.</summary>
public static class AttributeReader
{
    /// <summary>The string, number or boolean; <c>null</c> for anything else (null, an object, a list, a number beyond double).</summary>
    public static AttributeValue? Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => AttributeValue.Of(value.GetString()!),
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => AttributeValue.Of(number),
        JsonValueKind.True => AttributeValue.Of(true),
        JsonValueKind.False => AttributeValue.Of(false),
        _ => null,
    };

    /// <summary>The value as JSON again, for responses.</summary>
    public static object Write(AttributeValue value) => value.Kind switch
    {
        AttributeKind.Text => value.Text!,
        AttributeKind.Number => value.Number,
        _ => value.Flag,
    };
}
