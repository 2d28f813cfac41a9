using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// The body of <c>PATCH /v1/experiments/{id}</c>, every field optional; a field left out (or null) stays as it is.
/// <list type="bullet">
/// <item><c>status</c> (<c>running</c> or <c>paused</c>), <c>policy.params</c> (the same policy; <c>policy.name</c>, if
/// given, must be its name), <c>arms</c> (each <c>{"id", "metadata"}</c>, replacing that arm's metadata) and
/// <c>winner</c>: applied whole, as one new version, or not at all.</item>
/// <item>The serving rules: <c>defaultArm</c> alone tells null from absent (null returns it to the first active arm); the
/// other rules are removed by their neutral values: rollout 100, targeting <c>[]</c>, schedule <c>{}</c>, holdout 0,
/// explorationFloor 0.</item>
/// </list>
/// </summary>
public sealed record ExperimentPatchBody(
    string? Status,
    PolicyBody? Policy,
    List<ArmBody?>? Arms,
    WinnerBody? Winner,
    UnitPercentageBody? Rollout,
    List<TargetingRuleBody?>? Targeting,
    ScheduleBody? Schedule,
    JsonElement DefaultArm,
    UnitPercentageBody? Holdout,
    double? ExplorationFloor);
