using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>The body of <c>POST /v1/experiments</c>.</summary>
public sealed record CreateExperimentBody(
    [property: Required] string? Id,
    [property: Required] List<ArmBody?>? Arms,
    PolicyBody? Policy,
    int? ContextDimension,
    int? FeedbackWindowSeconds,
    string? RewardAggregation,
    int? RewardWaitSeconds,
    double? DefaultReward,
    UnitPercentageBody? Rollout,
    List<TargetingRuleBody?>? Targeting,
    ScheduleBody? Schedule,
    string? DefaultArm,
    UnitPercentageBody? Holdout,
    double? ExplorationFloor,
    WinnerBody? Winner);
