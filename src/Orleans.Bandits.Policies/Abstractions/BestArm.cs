namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// The running argmax of a selection loop: offered arms and their scores, the highest kept. Ties are
/// broken uniformly at random by reservoir sampling (the k-th arm tied at the top replaces the kept
/// one with probability 1/k), so with no data no arm is favoured by its position. A mutable struct
/// held in a local, like <see cref="HashCode"/>, so the select path allocates nothing.
/// </summary>
public struct BestArm
{
    private int _arm;
    private double _score;
    private int _ties;

    /// <summary>How many offered arms share the highest score (0 before any offer).</summary>
    public readonly int Ties => _ties;

    /// <summary>The kept arm (meaningless before any offer).</summary>
    public readonly int Arm => _arm;

    /// <summary>The highest score offered (meaningless before any offer).</summary>
    public readonly double Score => _score;

    public void Offer(int arm, double score, Random random)
    {
        if (_ties == 0 || score > _score)
        {
            _arm = arm;
            _score = score;
            _ties = 1;
        }
        else if (score == _score && random.Next(++_ties) == 0)
        {
            _arm = arm;
        }
    }

    /// <summary>The kept arm with <paramref name="propensity"/>, or <c>null</c> when no arm was offered.</summary>
    public readonly Selection? Choice(double? propensity) => _ties == 0 ? null : new Selection(_arm, propensity);

    /// <summary>
    /// The kept arm of an argmax over fixed scores, where only a tie is random: propensity 1 / ties when
    /// tied, <c>null</c> (a deterministic choice) when not; <c>null</c> when no arm was offered.
    /// </summary>
    public readonly Selection? DeterministicChoice() => Choice(_ties > 1 ? 1.0 / _ties : null);
}
