namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// An immutable read replica of a policy's state, shaped for selection: derived values that
/// selection needs (posterior means, factorized covariances, normalized weights) are computed
/// once here by the writer, never on the select path. Treat the arrays as read-only.
/// </summary>
public sealed class PolicySnapshot(double[][] arms, double[] shared)
{
    public double[][] Arms { get; } = arms;

    public double[] Shared { get; } = shared;

    public int ArmCount => Arms.Length;
}
