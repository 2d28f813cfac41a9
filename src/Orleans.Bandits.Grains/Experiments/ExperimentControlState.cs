namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// What an experiment keeps beside its learned state, in a state of its own: the learned state is written with every
/// training batch, while this is written only by control actions, so neither its size nor its writes slow training.
/// The audit log outlives a delete (it is the trail of the id, continued by a later experiment of the same id); arm
/// metadata belongs to one experiment and goes with it.
/// </summary>
[GenerateSerializer, Alias("bandits.ExperimentControlState")]
public sealed class ExperimentControlState
{
    /// <summary>Oldest first, at most <see cref="AuditLog.MaxEntries"/>.</summary>
    [Id(0)]
    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>By arm id; arms without metadata are absent.</summary>
    [Id(1)]
    public Dictionary<string, IReadOnlyDictionary<string, string>> ArmMetadata { get; set; } = new(StringComparer.Ordinal);
}
