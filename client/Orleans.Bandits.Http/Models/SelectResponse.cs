using System.Text.Json.Serialization;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// The chosen arm. <c>paused</c>, <c>isDefault</c> and <c>reason</c> appear only on a default-arm answer (paused, or
/// outside rollout, targeting or schedule), <c>holdout</c> only when the unit is in the holdout.
/// </summary>
public sealed record SelectResponse(
    string Arm,
    string? Token,
    double? Propensity,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Paused = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDefault = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Holdout = null)
{
    public static SelectResponse From(SelectResult result) => new(
        result.Arm,
        result.Token,
        result.Propensity,
        result.Version,
        result.Paused ? true : null,
        result.IsDefault ? true : null,
        result.DefaultReason?.ToString().ToLowerInvariant(),
        result.Holdout ? true : null);
}
