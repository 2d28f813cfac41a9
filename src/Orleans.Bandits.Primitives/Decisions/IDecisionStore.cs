namespace Orleans.Bandits.Primitives.Decisions;

/// <summary>
/// Where experiments' decision logs are kept: append-only logs of opaque entries, each entry a batch of
/// decisions written by the log's single writer. In memory locally, in Redis in production mode.
/// </summary>
public interface IDecisionStore
{
    /// <summary>Appends one entry to <paramref name="log"/>; returns its id, greater than every earlier id of the log.</summary>
    Task<string> AppendAsync(string log, ReadOnlyMemory<byte> entry);

    /// <summary>Up to <paramref name="count"/> entries after <paramref name="afterId"/> (from the start when null), oldest first.</summary>
    Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(string log, string? afterId, int count);

    /// <summary>Deletes the whole log.</summary>
    Task DeleteAsync(string log);
}
