namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>One control action on an experiment, as its audit log keeps it.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who did it: the API key id, <see cref="AuditActor.Admin"/>, or <see cref="AuditActor.Platform"/> for what the platform decides itself (a winner).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Detail">What changed, in words.</param>
[GenerateSerializer, Immutable, Alias("bandits.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Detail);
