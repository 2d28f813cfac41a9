namespace Orleans.Bandits.Contracts.DeadLetters;

/// <summary>A feedback entry the stream provider gave up on.</summary>
/// <param name="Id">The letter's id, for replay and delete.</param>
/// <param name="Queue">The queue the entry left.</param>
/// <param name="EntryId">The entry's id in that queue.</param>
/// <param name="Reason"><c>max-deliveries</c> (every delivery failed) or <c>undecodable</c>.</param>
/// <param name="Deliveries">Deliveries that failed.</param>
/// <param name="At">When it was given up on.</param>
/// <param name="Streams">The streams (<c>feedback/{tenant}/{experiment}</c>) whose events it carries.</param>
[GenerateSerializer, Immutable, Alias("bandits.DeadLetter")]
public sealed record DeadLetter(
    [property: Id(0)] string Id,
    [property: Id(1)] string Queue,
    [property: Id(2)] string EntryId,
    [property: Id(3)] string Reason,
    [property: Id(4)] long Deliveries,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] IReadOnlyList<string> Streams);
