namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>What the logging policy earned per decision, the mean logged reward, with its 95 % interval (central limit theorem).</summary>
public sealed record LoggedPolicyValue(double Value, double Lower, double Upper);
