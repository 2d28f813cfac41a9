using Orleans.Concurrency;

namespace Orleans.Bandits.Redis.Tests.Probes;

/// <summary>The consumer of one probe stream.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Ids of the events delivered successfully, in delivery order, duplicates included. Answers while a
    /// delivery is held inside the grain.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Received();

    /// <summary>Events per successful delivery, in delivery order.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<int>> Batches();
}
