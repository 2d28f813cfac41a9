namespace Orleans.Bandits.Primitives.Decisions;

/// <summary>
/// Where experiments' decision logs are kept: append-only logs of opaque entries, each entry a batch of
/// decisions written by the log's single writer, and beside each log its decisions' outcomes by selection.
/// In memory locally, in Redis in production mode.
/// </summary>
public interface IDecisionStore
{
    /// <summary>Appends one entry to <paramref name="log"/>; returns its id, greater than every earlier id of the log.</summary>
    Task<string> AppendAsync(string log, ReadOnlyMemory<byte> entry);

    /// <summary>Up to <paramref name="count"/> entries after <paramref name="afterId"/> (from the start when null), oldest first.</summary>
    Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(string log, string? afterId, int count);

    /// <summary>Appends each value to the outcomes kept under its field (a selection may have several), in one step.</summary>
    Task AppendOutcomesAsync(string log, IReadOnlyList<KeyValuePair<string, byte[]>> outcomes);

    /// <summary>The outcomes kept under each field, concatenated in append order; null where there are none.</summary>
    Task<IReadOnlyList<byte[]?>> GetOutcomesAsync(string log, IReadOnlyList<string> fields);

    /// <summary>
    /// Drops the entries up to and including <paramref name="throughId"/> and the outcomes under
    /// <paramref name="outcomeFields"/> (those of the dropped decisions): the retention. Entries after it keep their ids.
    /// </summary>
    Task TrimAsync(string log, string throughId, IReadOnlyList<string> outcomeFields);

    /// <summary>Deletes the whole log and its outcomes.</summary>
    Task DeleteAsync(string log);
}
