using System.Text.Json;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// An experiment as API.md shows it; retired arms are listed apart, so <c>arms</c> is what can be selected. The serving
/// rules are null (or empty) where the experiment has none; <c>defaultArm</c> null serves the first active arm.
/// </summary>
public sealed record ExperimentResponse(
    string Id,
    IReadOnlyList<ArmBody> Arms,
    IReadOnlyList<ArmBody> RetiredArms,
    PolicyResponse Policy,
    int ContextDimension,
    int FeedbackWindowSeconds,
    string Status,
    long Version,
    DateTimeOffset CreatedAt,
    long TrainedEvents,
    string RewardAggregation,
    int? RewardWaitSeconds,
    double? DefaultReward,
    UnitPercentageBody? Rollout,
    IReadOnlyList<TargetingRuleBody> Targeting,
    ScheduleBody? Schedule,
    string? DefaultArm,
    UnitPercentageBody? Holdout,
    double ExplorationFloor,
    WinnerResponse? Winner)
{
    public static ExperimentResponse From(ExperimentView view) => new(
        view.Id.Name,
        view.Arms.Where(a => !a.Retired).Select(a => new ArmBody(a.Id, a.Metadata)).ToList(),
        view.Arms.Where(a => a.Retired).Select(a => new ArmBody(a.Id, a.Metadata)).ToList(),
        new PolicyResponse(view.Policy.Name, view.Policy.Params.ToDictionary(p => p.Key, p => p.Value.Length == 1 ? (object)p.Value[0] : p.Value)),
        view.ContextDimension,
        view.FeedbackWindowSeconds,
        view.Status switch
        {
            ExperimentStatus.Paused => "paused",
            ExperimentStatus.Converged => "converged",
            _ => "running",
        },
        view.Version,
        view.CreatedAt,
        view.TrainedEvents,
        view.RewardAggregation == Contracts.Experiments.RewardAggregation.Sum ? "sum" : "first",
        view.RewardWaitSeconds,
        view.DefaultReward,
        Share(view.Serving?.Rollout),
        (view.Serving?.Targeting ?? []).Select(Rule).ToList(),
        view.Serving?.Schedule is { } schedule ? new ScheduleBody(schedule.Start, schedule.End, Hours(schedule.Hours)) : null,
        view.Serving?.DefaultArm,
        Share(view.Serving?.Holdout),
        view.Serving?.ExplorationFloor ?? 0,
        WinnerResponse.From(view.Winner, view.DeclaredWinner));

    private static UnitPercentageBody? Share(UnitPercentage? share) => share is null ? null : new UnitPercentageBody(share.Percentage);

    private static TargetingRuleBody Rule(TargetingRule rule) => new(
        rule.Attribute,
        ServingRulesBodyReader.NameOf(rule.Op),
        JsonSerializer.SerializeToElement(rule.Op is TargetingOperator.In or TargetingOperator.NotIn
            ? rule.Values.Select(AttributeReader.Write).ToArray()
            : AttributeReader.Write(rule.Values[0])));

    private static DailyHoursBody? Hours(DailyHours? hours) => hours is null ? null : new DailyHoursBody(Time(hours.FromMinute), Time(hours.ToMinute), hours.TimeZone);

    private static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}

/// <summary>The policy with every parameter resolved (defaults filled in).</summary>
public sealed record PolicyResponse(string Name, IReadOnlyDictionary<string, object> Params);
