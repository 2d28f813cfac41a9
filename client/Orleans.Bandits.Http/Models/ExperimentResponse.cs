
namespace Orleans.Bandits.Http.Models;

/// <summary>An experiment as API.md shows it; retired arms are listed apart, so <c>arms</c> is what can be selected.</summary>
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
        WinnerResponse.From(view.Winner, view.DeclaredWinner));
}

/// <summary>The policy with every parameter resolved (defaults filled in).</summary>
public sealed record PolicyResponse(string Name, IReadOnlyDictionary<string, object> Params);
