using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.Harness.Running;

/// <summary>One run of the study: a strategy on one tier of the fleet drawn from one seed.</summary>
public sealed record RunKey(string Strategy, Tier Tier, int Seed)
{
    public override string ToString() => $"{Strategy} {Tier} seed {Seed}";
}
