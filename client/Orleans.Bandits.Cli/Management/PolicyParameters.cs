using System.Text.Json.Nodes;

namespace Orleans.Bandits.Cli.Management;

/// <summary>Parsed <c>--param</c> values as the API's <c>policy.params</c>: a number, or a list of numbers for vector parameters.</summary>
public static class PolicyParameters
{
    public static JsonObject ToJson(IReadOnlyDictionary<string, double[]> parameters)
    {
        var json = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            json[name] = value.Length == 1 ? JsonValue.Create(value[0]) : new JsonArray([.. value.Select(v => JsonValue.Create(v))]);
        }

        return json;
    }
}
