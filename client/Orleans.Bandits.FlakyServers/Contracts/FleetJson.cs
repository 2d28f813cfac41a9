using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>The JSON shape both ends use: camelCase, tiers as names ("T2").</summary>
public static class FleetJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
