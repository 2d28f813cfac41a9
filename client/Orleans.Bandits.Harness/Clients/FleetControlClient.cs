using System.Net.Http.Json;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.Harness.Clients;

/// <summary>The control port of a flaky-servers process, in-process or running elsewhere on this machine.</summary>
public sealed class FleetControlClient(HttpClient http, Uri controlUrl)
{
    public Uri ControlUrl { get; } = controlUrl;

    public async Task<FleetView> GetAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<FleetView>(new Uri(ControlUrl, "servers"), FleetJson.Options, cancellationToken)
        ?? throw new InvalidOperationException($"{ControlUrl} answered GET /servers with nothing.");

    /// <summary>Draws the fleet's servers again from <paramref name="seed"/>.</summary>
    public async Task<FleetView> ReseedAsync(int seed, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(ControlUrl, "reseed"), new ReseedRequest(seed), FleetJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<FleetView>(FleetJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{ControlUrl} answered POST /reseed with nothing.");
    }

    /// <summary>Starts a tier's servers over: outcome sequences, windows, sine phases and counters.</summary>
    public async Task ResetAsync(Tier tier, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(ControlUrl, "reset"), new ResetRequest(tier), FleetJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
