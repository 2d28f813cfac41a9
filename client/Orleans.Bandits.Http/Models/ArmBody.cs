using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// <c>{"id":"green"}</c>: an arm in a create request or a response, the body of add-arm, or in a PATCH the arm whose
/// metadata is replaced; <c>metadata</c> is an object of string values (at most 16, keys up to 64 characters, values up to 256).
/// </summary>
public sealed record ArmBody(
    [property: Required] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Metadata = null);
