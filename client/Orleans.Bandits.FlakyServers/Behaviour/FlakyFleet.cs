using System.Collections.Frozen;
using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.FlakyServers.Behaviour;

/// <summary>
/// The servers of one process, by port. Reseeding swaps in a whole new set at once, so a request
/// sees either the old fleet or the new one, never a mix.
/// </summary>
public sealed class FlakyFleet
{
    private readonly FleetOptions _options;
    private readonly TimeProvider _clock;
    private volatile Generation _current;

    public FlakyFleet(FleetOptions options, FleetLayout layout, TimeProvider clock)
        : this(options, layout, clock, FleetPlan.Draw(options, options.Seed, layout), options.Seed)
    {
    }

    /// <summary>A fleet of given servers (tests pin exact rates and limits this way).</summary>
    public FlakyFleet(FleetOptions options, FleetLayout layout, TimeProvider clock, IReadOnlyList<ServerSpec> servers, int seed)
    {
        _options = options;
        _clock = clock;
        Layout = layout;
        _current = Build(servers, seed);
    }

    public FleetLayout Layout { get; }

    public int Seed => _current.Seed;

    public IReadOnlyList<FlakyServer> Servers => _current.Servers;

    public FlakyServer? OnPort(int port) => _current.ByPort.GetValueOrDefault(port);

    /// <summary>Draws a new fleet from <paramref name="seed"/> on the same ports.</summary>
    public void Reseed(int seed) => _current = Build(FleetPlan.Draw(_options, seed, Layout), seed);

    /// <summary>Resets the servers of <paramref name="tier"/>, or all of them.</summary>
    public void Reset(Tier? tier)
    {
        foreach (var server in _current.Servers.Where(s => tier is null || s.Spec.Tier == tier))
        {
            server.Reset();
        }
    }

    private Generation Build(IReadOnlyList<ServerSpec> specs, int seed)
    {
        var servers = specs.Select(s => new FlakyServer(s, _clock)).ToArray();
        return new Generation(seed, servers, servers.ToFrozenDictionary(s => s.Spec.Port));
    }

    private sealed record Generation(int Seed, IReadOnlyList<FlakyServer> Servers, FrozenDictionary<int, FlakyServer> ByPort);
}
