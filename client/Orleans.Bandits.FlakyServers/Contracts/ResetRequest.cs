using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>Body of <c>POST /reset</c>: reset one tier's servers, or all when <see cref="Tier"/> is null.</summary>
public sealed record ResetRequest(Tier? Tier);
