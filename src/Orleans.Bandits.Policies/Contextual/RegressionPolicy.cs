using System.Buffers;

namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// What the contextual policies share: each arm keeps its own regression on the context with a Gaussian
/// N(θᵢ, Σᵢ) over its weights, and is scored by its estimate θᵢ·x plus an exploration term along x. The
/// model (<see cref="RidgeRegressionPolicy"/>, <see cref="LogisticRegressionPolicy"/>) says how an arm
/// learns and where its estimate comes from; the exploration (<see cref="ConfidenceBoundExploration"/>,
/// <see cref="PosteriorSamplingExploration"/>) which matrix the snapshot caches per arm and how the term
/// is computed from it. Any model goes with any exploration. s = 0 plays the best estimate θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: arm = [count, the model's vector (d), the model's matrix (d(d + 1)/2, packed lower triangle)],
/// the <see cref="RidgeArm"/> shape; shared = []. Snapshot arm = [count, θ (d), the exploration's matrix
/// (packed)].
/// </remarks>
public abstract class RegressionPolicy : BanditPolicy
{
    /// <summary>Arms whose race inputs fit on the stack (16 KB); beyond, the select rents a pooled buffer.</summary>
    private const int StackArms = 1_024;

    private readonly IRegressionExploration _exploration;

    private protected RegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension, IRegressionExploration exploration)
        : base(descriptor, parameters, contextDimension)
    {
        Lambda = parameters["lambda"];
        _exploration = exploration;
    }

    /// <summary>The prior's precision λ: every arm's matrix starts at I / λ.</summary>
    private protected double Lambda { get; }

    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var dimension = ContextDimension;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var source = state.Arms[arm];
            var snapshot = SnapshotWithEstimate(source);
            _exploration.WriteSnapshotMatrix(RidgeArm.Matrix(source, dimension), RidgeArm.Matrix(snapshot, dimension), dimension);
            arms[arm] = snapshot;
        }

        return new PolicySnapshot(arms, []);
    }

    /// <summary>
    /// Plays the available arm with the highest score θᵢ·x + s·(exploration term). Propensity: for drawn scores,
    /// the Gaussian race of the arms' scores for this context (<see cref="GaussianRace"/>), computed per call
    /// from the estimates and spreads the scoring loop has already; for fixed scores 1 / ties when tied, else
    /// <c>null</c>. A zero context leaves every spread 0 and the choice a tie.
    /// </summary>
    public sealed override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var dimension = ContextDimension;
        RidgeArm.CheckContext(context, dimension, Descriptor.Name);
        var armCount = snapshot.ArmCount;
        var drawn = exploration > 0 && _exploration.IsDrawn;
        var race = drawn && snapshot.EstimatesPropensities;
        double[]? rented = null;
        var buffer = !race ? Span<double>.Empty : armCount <= StackArms ? stackalloc double[2 * armCount] : (Span<double>)(rented = ArrayPool<double>.Shared.Rent(2 * armCount));
        try
        {
            var means = buffer[..(race ? armCount : 0)];
            var deviations = buffer.Slice(means.Length, means.Length);
            var best = new BestArm();
            var anyDrawn = false;
            for (var arm = 0; arm < armCount; arm++)
            {
                if (IsExcluded(excluded, arm))
                {
                    continue;
                }

                var stats = snapshot.Arms[arm];
                var score = RidgeArm.Dot(RidgeArm.Vector(stats, dimension), context);
                if (exploration > 0)
                {
                    var spread = _exploration.Spread(RidgeArm.Matrix(stats, dimension), context);
                    if (race)
                    {
                        means[arm] = score;
                        deviations[arm] = exploration * spread;
                    }

                    if (spread > 0)
                    {
                        anyDrawn |= drawn;
                        score = _exploration.Score(score, spread, exploration, random);
                    }
                }

                best.Offer(arm, double.IsNaN(score) ? double.NegativeInfinity : score, random);
            }

            if (best.Ties == 0 || !anyDrawn)
            {
                return best.DeterministicChoice();
            }

            return best.Choice(race ? GaussianRace.WinProbability(means, deviations, excluded, best.Arm) : null);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A snapshot vector for the arm: its count and estimate θ, the matrix block left for the exploration to fill.</summary>
    private protected abstract double[] SnapshotWithEstimate(double[] arm);
}
