using System.Text.Json;

namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>A page of <c>GET /v1/experiments</c>; items are kept as the API wrote them, so <c>--json</c> can print them unchanged.</summary>
public sealed record ExperimentPageModel(IReadOnlyList<JsonElement> Items, string? Next);
