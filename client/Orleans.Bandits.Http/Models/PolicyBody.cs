using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"name":"thompson-beta","params":{"alpha":1}}</c>; a parameter is a number or a list of numbers.</summary>
public sealed record PolicyBody(string? Name, Dictionary<string, JsonElement>? Params);
