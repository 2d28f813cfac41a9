namespace Orleans.Bandits.Primitives.DeadLetters;

/// <summary>
/// The feedback entries the stream provider gave up on, for an operator to look at, replay once the fault is fixed,
/// or drop. Redis mode keeps them in a capped stream; local mode's memory streams dead-letter nothing.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Up to <paramref name="count"/> letters after <paramref name="afterId"/> (from the oldest when null), oldest first.</summary>
    Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? afterId, int count);

    /// <summary>
    /// Appends the letter's entry to the queue it left, then deletes the letter; false when there is no such letter.
    /// A failure in between leaves the letter, and replaying it again delivers its events twice, which the experiments'
    /// deduplication drops.
    /// </summary>
    Task<bool> ReplayAsync(string id);

    /// <summary>Deletes the letter; false when there is no such letter.</summary>
    Task<bool> DeleteAsync(string id);
}
