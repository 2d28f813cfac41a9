namespace Orleans.Bandits.Primitives.Decisions;

/// <summary>One appended entry of a decision log and its id (the cursor to read on after it).</summary>
public sealed record DecisionLogEntry(string Id, byte[] Data);
