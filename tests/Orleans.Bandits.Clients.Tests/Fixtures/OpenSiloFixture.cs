using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Clients.Tests.Fixtures;

/// <summary>A silo with the API co-hosted, as the silo host builds it, on free loopback ports; auth off as a local run has it.</summary>
public class OpenSiloFixture : IAsyncLifetime
{
    private ApiHost? _host;

    /// <summary>The API's base URL without a trailing slash, as the clients take it.</summary>
    public string Url => Host.BaseAddress.ToString().TrimEnd('/');

    public HttpClient Http => Host.Http;

    /// <summary>The silo's client gateway port, for an Orleans client (the .NET client) to connect to.</summary>
    public int GatewayPort => Host.GatewayPort;

    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    private ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public virtual async Task InitializeAsync() => _host = await ApiHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
