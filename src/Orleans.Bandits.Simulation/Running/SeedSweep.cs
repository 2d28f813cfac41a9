namespace Orleans.Bandits.Simulation.Running;

/// <summary>
/// Plays one policy over seeds 1..N, each seed on a fresh environment (environments may keep
/// per-run state such as a drift clock). Seeds run in parallel; each owns its random source, so the
/// results do not depend on scheduling.
/// </summary>
public static class SeedSweep
{
    /// <param name="policy">Shared by every seed: policies hold no learned data.</param>
    /// <param name="environment">Builds the environment for a seed.</param>
    /// <param name="options">The options of every run; <see cref="SimulationOptions.Seed"/> is replaced by 1..N.</param>
    /// <param name="seeds">N.</param>
    /// <param name="seedDone">Called (from any thread) after each seed finishes.</param>
    /// <returns>One result per seed, in seed order.</returns>
    public static IReadOnlyList<SimulationResult> Run(
        IBanditPolicy policy,
        Func<int, IBanditEnvironment> environment,
        SimulationOptions options,
        int seeds,
        Action? seedDone = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        options.Validate();
        var results = new SimulationResult[seeds];
        Parallel.For(0, seeds, index =>
        {
            var seed = index + 1;
            results[index] = Simulator.Run(policy, environment(seed), options with { Seed = seed });
            seedDone?.Invoke();
        });
        return results;
    }
}
