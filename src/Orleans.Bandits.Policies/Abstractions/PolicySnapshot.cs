namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// An immutable read replica of a policy's state, shaped for selection: derived values that
/// selection needs (posterior means, factorized covariances, normalized weights) are computed
/// once here by the writer, never on the select path. Treat the arrays as read-only.
/// </summary>
/// <remarks>
/// The propensities of drawn choices (Thompson sampling, perturbed leaders) are estimated from draws
/// counted once per snapshot by its readers (<see cref="WinProbabilityTables"/>): they are a pure
/// function of <see cref="Arms"/> and <see cref="Shared"/>, so nothing but those two travels to replicas.
/// </remarks>
public sealed class PolicySnapshot(double[][] arms, double[] shared)
{
    private WinProbabilityTables? _winProbabilities;

    public double[][] Arms { get; } = arms;

    public double[] Shared { get; } = shared;

    public int ArmCount => Arms.Length;

    /// <summary>
    /// Whether a selection from this snapshot estimates the propensity of a drawn choice. True unless the
    /// snapshot came from <see cref="WithoutEstimatedPropensities"/>; exact propensities are reported either way.
    /// </summary>
    public bool EstimatesPropensities { get; private init; } = true;

    /// <summary>
    /// The win probabilities counted for this snapshot, created on first use and shared by every reader.
    /// </summary>
    internal WinProbabilityTables WinProbabilities =>
        Volatile.Read(ref _winProbabilities) ?? Interlocked.CompareExchange(ref _winProbabilities, new WinProbabilityTables(), null) ?? _winProbabilities!;

    /// <summary>
    /// The same snapshot (the arrays are shared, not copied) whose selections report no estimated propensity:
    /// <c>null</c> where the policy has no exact one. For callers that never read propensities and replace
    /// the snapshot after a few selections (a simulation that trains every round, a meta-policy's advice),
    /// where counting a snapshot's draws would cost more than the selections themselves.
    /// </summary>
    public PolicySnapshot WithoutEstimatedPropensities() => new(Arms, Shared) { EstimatesPropensities = false };
}
