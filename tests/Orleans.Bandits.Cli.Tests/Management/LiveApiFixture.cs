using System.Text.Json;
using Orleans.Bandits.Cli.Tests.Commands;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>A local-mode silo with the HTTP API on a free 127.0.0.1 port, as the silo host builds it, for the CLI to talk to.</summary>
public class LiveApiFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public string Url => Host.BaseAddress.AbsoluteUri;

    /// <summary>Configuration the host starts with (e.g. an admin key).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    private ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Runs <c>bandits</c> with <paramref name="args"/> against this silo (<c>--url</c> added).</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync([.. args, "--url", Url]);

    /// <summary>Waits (at most 30 s) until <paramref name="count"/> decisions of <paramref name="id"/> have their reward in the log: recording and joining happen off the select and feedback paths.</summary>
    public async Task WaitForRewardedDecisionsAsync(string id, int count) =>
        await Eventually.Until(
            async () =>
            {
                using var http = new HttpClient();
                using var page = JsonDocument.Parse(await http.GetStringAsync($"{Url}v1/experiments/{id}/events?limit=10000"));
                return page.RootElement.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("reward").ValueKind == JsonValueKind.Number);
            },
            rewarded => rewarded == count,
            TimeSpan.FromSeconds(30),
            $"{count} rewarded decisions in the log");

    /// <summary>An experiment id no other test uses.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
