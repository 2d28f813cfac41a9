namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>Seeded synthetic feedback that every policy accepts: 0/1 rewards, uniform propensities, contexts and costs where needed.</summary>
public static class TrainingEvents
{
    public static TrainingEvent[] Create(IBanditPolicy policy, int arms, int count, Random random)
    {
        var resources = BenchmarkPolicies.ResourceCount(policy);
        var events = new TrainingEvent[count];
        for (var i = 0; i < count; i++)
        {
            var arm = random.Next(arms);
            events[i] = new TrainingEvent(
                arm,
                random.NextDouble() < 0.1 + 0.8 * arm / arms ? 1 : 0,
                1.0 / arms,
                policy.ContextDimension > 0 ? Context(policy.ContextDimension, random) : null,
                resources > 0 ? Costs(resources, random) : null);
        }

        return events;
    }

    /// <summary>A context with entries in [-1, 1], scaled to unit norm as linear bandit analyses assume.</summary>
    public static double[] Context(int dimension, Random random)
    {
        var context = new double[dimension];
        var norm = 0.0;
        for (var j = 0; j < dimension; j++)
        {
            context[j] = 2 * random.NextDouble() - 1;
            norm += context[j] * context[j];
        }

        norm = Math.Sqrt(norm);
        for (var j = 0; j < dimension; j++)
        {
            context[j] /= norm;
        }

        return context;
    }

    private static double[] Costs(int resources, Random random)
    {
        var costs = new double[resources];
        for (var r = 0; r < resources; r++)
        {
            costs[r] = random.NextDouble();
        }

        return costs;
    }
}
