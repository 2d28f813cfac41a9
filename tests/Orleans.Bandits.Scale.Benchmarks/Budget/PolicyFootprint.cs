using Orleans.Bandits.Scale.Benchmarks.Measurements;

namespace Orleans.Bandits.Scale.Benchmarks.Budget;

/// <summary>What the largest experiment of one policy costs the silo, per experiment.</summary>
/// <param name="Policy">The catalogue name.</param>
/// <param name="Arms">Arms of the largest create the state budget accepts.</param>
/// <param name="ContextDimension">Its context dimension (256 for contextual policies, else 0).</param>
/// <param name="StateDoubles">The learned values its state holds, as the budget counts them.</param>
/// <param name="Created">Memory each create added: the experiment grain with its state, and the stored copy.</param>
/// <param name="InUse">Memory each added once also selected from (the silo's replica) and its stats read (cached per version).</param>
/// <param name="Trained">Memory each added once it also learned as many events as it has arms (one on each arm, up to 100 arms).</param>
public sealed record PolicyFootprint(string Policy, int Arms, int ContextDimension, long StateDoubles, MemorySample Created, MemorySample InUse, MemorySample Trained)
{
    public long StateBytes => StateDoubles * sizeof(double);
}
