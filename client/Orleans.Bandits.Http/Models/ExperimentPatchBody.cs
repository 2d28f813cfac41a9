using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// The body of <c>PATCH /v1/experiments/{id}</c>: <c>status</c> (<c>paused</c> or <c>running</c>) and the serving rules,
/// each optional; a field left out (or null) stays as it is. <c>defaultArm</c> alone tells null from absent: null
/// returns it to the first active arm. The other rules are removed by their neutral values: rollout 100, targeting
/// <c>[]</c>, schedule <c>{}</c>, holdout 0, explorationFloor 0.
/// </summary>
public sealed record ExperimentPatchBody(
    string? Status,
    UnitPercentageBody? Rollout,
    List<TargetingRuleBody?>? Targeting,
    ScheduleBody? Schedule,
    JsonElement DefaultArm,
    UnitPercentageBody? Holdout,
    double? ExplorationFloor);
