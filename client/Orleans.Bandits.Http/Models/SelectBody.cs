using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary>The body of select; every field is optional. <c>unit</c> and <c>attributes</c> are what the experiment's gates read.</summary>
public sealed record SelectBody(double[]? Context, List<string>? Exclude, double? Exploration, string? Unit, Dictionary<string, JsonElement>? Attributes);
