using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"attribute":"country","op":"in","value":["DE","AT"]}</c>: a string, number or boolean, or for <c>in</c> and <c>notIn</c> a list of them.</summary>
public sealed record TargetingRuleBody([property: Required] string? Attribute, [property: Required] string? Op, [property: Required] JsonElement Value);
