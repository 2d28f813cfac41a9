namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>An evaluation of a target policy on logged decisions: the estimates beside what the logging policy earned.</summary>
/// <param name="Events">Decisions evaluated.</param>
/// <param name="Logged">The logging policy's own value.</param>
/// <param name="Estimates">One estimate per requested estimator, in the order requested.</param>
public sealed record OffPolicyEvaluation(int Events, LoggedPolicyValue Logged, IReadOnlyList<OffPolicyEstimate> Estimates);
