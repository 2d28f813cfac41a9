using Orleans.Bandits.Client;
using Orleans.Bandits.Contracts.Selection;

namespace Orleans.Bandits.Testing;

/// <summary>Which units an experiment's rollout serves, as a silo answers their selects.</summary>
public static class RolloutMembership
{
    /// <summary>Selects run at once: enough to keep a test cluster busy, few enough not to queue behind each other for long.</summary>
    private const int Concurrency = 100;

    /// <summary>For each unit, whether the bandit served it (a token) rather than the default arm for the rollout.</summary>
    /// <exception cref="InvalidOperationException">A default answer for any reason but the rollout: the test set up other gates.</exception>
    public static async Task<bool[]> OfAsync(IBanditsClient platform, string tenant, string experiment, IReadOnlyList<string> units)
    {
        var served = new bool[units.Count];
        for (var start = 0; start < units.Count; start += Concurrency)
        {
            var batch = Enumerable.Range(start, Math.Min(Concurrency, units.Count - start)).ToList();
            var results = await Task.WhenAll(batch.Select(i => platform.SelectAsync(tenant, experiment, new SelectRequest(Unit: units[i]))));
            for (var j = 0; j < batch.Count; j++)
            {
                var result = results[j];
                if (result.DefaultReason is { } reason && reason != DefaultReason.Rollout)
                {
                    throw new InvalidOperationException($"Unit {units[batch[j]]} got the default arm for {reason}, not the rollout.");
                }

                served[batch[j]] = result.Token is not null;
            }
        }

        return served;
    }
}
