namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>Draws every server's parameters from one seed.</summary>
public static class FleetPlan
{
    /// <summary>
    /// Per tier: one or two good servers (success rate in [GoodRateMin, GoodRateMax]) at random
    /// positions, the others in [OtherRateMin, OtherRateMax]; T2 servers get a whole-number limit in
    /// [FixedLimitMin, FixedLimitMax]; T3 servers a sine with a whole-number mean in
    /// [VaryingLimitMin, VaryingLimitMax], amplitude VaryingAmplitude · mean, a period in
    /// [PeriodMinSeconds, PeriodMaxSeconds] and a random phase.
    /// </summary>
    public static IReadOnlyList<ServerSpec> Draw(FleetOptions options, int seed, FleetLayout layout)
    {
        options.Validate();
        var perTier = options.ServersPerTier;
        if (layout.ServerPorts.Count != perTier * Enum.GetValues<Tier>().Length)
        {
            throw new ArgumentException($"The layout has {layout.ServerPorts.Count} ports; the fleet needs {perTier} per tier.", nameof(layout));
        }

        var random = new Random(seed);
        var servers = new List<ServerSpec>(layout.ServerPorts.Count);
        foreach (var tier in Enum.GetValues<Tier>())
        {
            var goodCount = Math.Min(perTier, random.Next(1, 3));
            var order = Enumerable.Range(0, perTier).ToArray();
            random.Shuffle(order);
            var good = order.Take(goodCount).ToHashSet();
            for (var i = 0; i < perTier; i++)
            {
                var rate = good.Contains(i)
                    ? Uniform(random, options.GoodRateMin, options.GoodRateMax)
                    : Uniform(random, options.OtherRateMin, options.OtherRateMax);
                var limit = tier switch
                {
                    Tier.T2 => new RateLimit(random.Next(options.FixedLimitMin, options.FixedLimitMax + 1)),
                    Tier.T3 => Varying(random, options),
                    _ => null,
                };
                var name = $"{tier.ToString().ToLowerInvariant()}-s{i}";
                servers.Add(new ServerSpec(name, tier, layout.ServerPorts[((int)tier * perTier) + i], Math.Round(rate, 4), limit, random.Next()));
            }
        }

        return servers;
    }

    private static RateLimit Varying(Random random, FleetOptions options)
    {
        var mean = random.Next(options.VaryingLimitMin, options.VaryingLimitMax + 1);
        var period = Uniform(random, options.PeriodMinSeconds, options.PeriodMaxSeconds);
        var phase = Uniform(random, 0, 2 * Math.PI);
        return new RateLimit(mean, options.VaryingAmplitude * mean, Math.Round(period, 3), Math.Round(phase, 4));
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
