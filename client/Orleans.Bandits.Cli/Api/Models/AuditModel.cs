namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>An experiment's audit log (API.md, "Rollouts and experiment control").</summary>
public sealed record AuditModel(IReadOnlyList<AuditEntryModel> Items);

public sealed record AuditEntryModel(DateTimeOffset At, string Actor, string Action, string Detail);
