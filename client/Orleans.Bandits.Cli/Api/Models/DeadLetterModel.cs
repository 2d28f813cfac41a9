namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>A feedback entry the stream provider gave up on, as <c>GET /v1/admin/dead-letters</c> lists it.</summary>
public sealed record DeadLetterModel(string Id, string Queue, string EntryId, string Reason, long Deliveries, DateTimeOffset At, IReadOnlyList<string> Streams);
