namespace Orleans.Bandits.Redis.Streams;

/// <summary>One message of a queue entry: the entry's id, the message's position in it, and how many the entry holds.</summary>
internal readonly record struct EntryPart(string EntryId, int Index, int Of);
