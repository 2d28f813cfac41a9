using System.Text.Json.Serialization;

namespace Orleans.Bandits.Http.Models;

/// <summary>The chosen arm; <c>paused</c> appears only when the experiment is paused.</summary>
public sealed record SelectResponse(
    string Arm,
    string? Token,
    double? Propensity,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Paused = null);
