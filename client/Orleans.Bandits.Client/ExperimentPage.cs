namespace Orleans.Bandits.Client;

/// <summary>
/// One page of a tenant's experiments, ordered by id, and <see cref="Next"/>: the cursor for the next page (pass it
/// as <c>after</c>), <c>null</c> on the last. A page can hold fewer experiments than asked for and still have a next
/// one (an id indexed by a create that failed is skipped), so read until <see cref="Next"/> is <c>null</c>.
/// </summary>
public sealed record ExperimentPage(IReadOnlyList<ExperimentView> Items, string? Next);
