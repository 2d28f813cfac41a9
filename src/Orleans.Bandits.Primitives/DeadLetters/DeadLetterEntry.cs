namespace Orleans.Bandits.Primitives.DeadLetters;

/// <summary>One dead letter as the store reads it.</summary>
/// <param name="Id">The letter's id (its stream id in Redis).</param>
/// <param name="Queue">The queue the entry left.</param>
/// <param name="EntryId">The entry's id in that queue.</param>
/// <param name="Reason">Why it was given up on (<c>max-deliveries</c>, <c>undecodable</c>).</param>
/// <param name="Deliveries">Deliveries that failed before it was.</param>
/// <param name="At">When it was.</param>
/// <param name="Streams">The streams (experiments) whose events it carries.</param>
public sealed record DeadLetterEntry(string Id, string Queue, string EntryId, string Reason, long Deliveries, DateTimeOffset At, IReadOnlyList<string> Streams);
