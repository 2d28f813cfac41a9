using System.Text.Json;

namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>An experiment as the API returns it (API.md, "Experiments").</summary>
public sealed record ExperimentModel(
    string Id,
    IReadOnlyList<ArmModel> Arms,
    IReadOnlyList<ArmModel>? RetiredArms,
    PolicyModel Policy,
    int ContextDimension,
    int FeedbackWindowSeconds,
    string Status,
    long Version,
    DateTimeOffset CreatedAt,
    long TrainedEvents,
    string? RewardAggregation,
    int? RewardWaitSeconds,
    double? DefaultReward,
    WinnerModel? Winner = null);

public sealed record ArmModel(string Id);

/// <summary>The winner rule and, once declared, the arm.</summary>
public sealed record WinnerModel(double ProbabilityBest, double MaxExpectedLoss, bool Promote, string? Arm, DateTimeOffset? DeclaredAt);

/// <summary>A policy with its parameters: each a number, or a list of numbers for vector parameters.</summary>
public sealed record PolicyModel(string Name, IReadOnlyDictionary<string, JsonElement>? Params);
