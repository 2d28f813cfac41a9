namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// A bandit policy: immutable parameters plus the two algorithms every policy has.
/// The policy object itself holds no learned data, so one instance serves any number of
/// experiments and any number of threads. Learned data lives in <see cref="PolicyState"/>
/// (owned by a single writer) and is published to readers as a <see cref="PolicySnapshot"/>.
/// </summary>
public interface IBanditPolicy
{
    /// <summary>The catalogue entry this policy was created from.</summary>
    PolicyDescriptor Descriptor { get; }

    /// <summary>The resolved parameters, defaults filled in.</summary>
    PolicyParameters Parameters { get; }

    /// <summary>Context vector length the policy expects (0 for context-free policies).</summary>
    int ContextDimension { get; }

    /// <summary>Fresh sufficient statistics for <paramref name="armCount"/> arms.</summary>
    PolicyState CreateState(int armCount);

    /// <summary>Appends the statistics of one new arm; arm indices never change.</summary>
    void AddArm(PolicyState state);

    /// <summary>
    /// Checks one event against the policy (reward range, context length, costs) before it is accepted. The
    /// platform does it once, at feedback intake; <see cref="Train"/> trusts its events and checks only that
    /// each arm exists.
    /// </summary>
    /// <exception cref="PolicyValidationException">The event cannot be learned by this policy.</exception>
    void Validate(in TrainingEvent trainingEvent);

    /// <summary>Learns a batch of events that passed <see cref="Validate"/>, in order. Only the single writer calls this.</summary>
    void Train(PolicyState state, ReadOnlySpan<TrainingEvent> batch);

    /// <summary>An immutable read replica with everything selection needs precomputed.</summary>
    PolicySnapshot CreateSnapshot(PolicyState state);

    /// <summary>
    /// Chooses an arm. Reads only the snapshot, allocates nothing, and is safe to call from many
    /// threads at once (each with its own <paramref name="random"/>).
    /// </summary>
    /// <param name="snapshot">The replica to read.</param>
    /// <param name="context">Context vector, length <see cref="ContextDimension"/>; empty for context-free policies.</param>
    /// <param name="excluded">Per-arm mask of arms that must not be chosen; empty means none.</param>
    /// <param name="exploration">0 = greedy on current estimates, 1 = as configured, above 1 = more.</param>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The choice, or <c>null</c> when every arm is excluded.</returns>
    Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random);

    /// <summary>
    /// The probability that <see cref="Select"/> would choose <paramref name="arm"/> under the same arguments, where the
    /// policy can state it without choosing: what an exploration floor needs for an arm it serves in the policy's stead.
    /// </summary>
    /// <returns>The probability, or <c>null</c> where the policy states one only for the arm it chooses.</returns>
    double? ProbabilityOf(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm) => null;
}
