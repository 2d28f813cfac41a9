namespace Orleans.Bandits.Silo;

/// <summary>Where the silo keeps its state (configuration <c>Bandits:Mode</c>).</summary>
public enum SiloMode
{
    /// <summary>One silo on localhost, in-memory storage and memory streams: nothing survives a restart.</summary>
    Local,

    /// <summary>Redis clustering, Redis grain storage and the durable Redis feedback stream.</summary>
    Redis,
}
