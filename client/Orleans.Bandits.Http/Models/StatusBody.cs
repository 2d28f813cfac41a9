using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>The body of <c>PATCH /v1/experiments/{id}</c>: <c>{"status":"paused"}</c> or <c>{"status":"running"}</c>.</summary>
public sealed record StatusBody([property: Required] string? Status);
