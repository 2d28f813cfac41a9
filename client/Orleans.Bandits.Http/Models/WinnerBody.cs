using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// <c>{"probabilityBest":0.95,"maxExpectedLoss":0.001,"promote":false}</c>: an arm whose posterior probability of being
/// best is at least <c>probabilityBest</c> (above 0.5, at most 1) and whose expected loss is at most
/// <c>maxExpectedLoss</c> is declared the winner; with <c>promote</c> it is then served in place of the policy's choice.
/// </summary>
public sealed record WinnerBody([property: Required] double? ProbabilityBest, [property: Required] double? MaxExpectedLoss, bool? Promote);
