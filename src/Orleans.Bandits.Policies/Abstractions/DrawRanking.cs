namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// Rounds of drawn scores of one snapshot at one exploration scale, as many selections would draw them
/// (one score per arm, in arm order), each round kept as its best arms in order. Round r is drawn from a
/// generator seeded by r alone, so it can be drawn again, identically, when every kept arm of it is
/// excluded; and every replica of a snapshot draws the same rounds. Ties (untried arms at +∞, say) are
/// ordered by a pseudo-random priority per (round, arm), which makes the winner uniform among the tied,
/// as a selection's tie-break does.
/// </summary>
internal sealed class DrawRanking
{
    /// <summary>
    /// Best arms kept per round: a round needs drawing again only when all of them are excluded, so
    /// excluding a few arms costs no draws, while the memory stays rounds × 8 indices whatever the arm count.
    /// </summary>
    private const int Depth = 8;

    /// <summary>
    /// Each round's best arms, as 16-bit indices (an experiment has at most 1,000 arms): a ranking is kept in every
    /// replica of a snapshot, so at 1,000 rounds this is 16 KB per replica rather than 32.
    /// </summary>
    private readonly ushort[] _top;
    private readonly int _depth;
    private readonly int _rounds;

    private DrawRanking(double exploration, ushort[] top, int depth, int rounds)
    {
        Exploration = exploration;
        _top = top;
        _depth = depth;
        _rounds = rounds;
    }

    public double Exploration { get; }

    /// <summary>Draws <paramref name="rounds"/> rounds: rounds × arms scores.</summary>
    public static DrawRanking Draw(IndexPolicy policy, PolicySnapshot snapshot, double exploration, int rounds)
    {
        if (snapshot.ArmCount > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot.ArmCount, "A ranking keeps arm indices in 16 bits.");
        }

        var depth = Math.Min(snapshot.ArmCount, Depth);
        var top = new ushort[rounds * depth];
        Span<double> scores = stackalloc double[depth];
        var random = new SplitMixRandom(0);
        for (var round = 0; round < rounds; round++)
        {
            random.Restart(RoundSeed(round));
            var row = top.AsSpan(round * depth, depth);
            var kept = 0;
            for (var arm = 0; arm < snapshot.ArmCount; arm++)
            {
                var score = policy.DrawScore(snapshot, arm, exploration, random);
                if (kept == depth && !Beats(round, arm, score, row[depth - 1], scores[depth - 1]))
                {
                    continue;
                }

                // Insertion into the sorted row: shift the arms this one beats down by one place.
                var place = kept < depth ? kept++ : depth - 1;
                while (place > 0 && Beats(round, arm, score, row[place - 1], scores[place - 1]))
                {
                    row[place] = row[place - 1];
                    scores[place] = scores[place - 1];
                    place--;
                }

                row[place] = (ushort)arm;
                scores[place] = score;
            }
        }

        return new DrawRanking(exploration, top, depth, rounds);
    }

    /// <summary>How many rounds each arm wins among the arms not <paramref name="excluded"/> (at least one must be available).</summary>
    public int[] CountWins(IndexPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<bool> excluded)
    {
        var wins = new int[snapshot.ArmCount];
        for (var round = 0; round < _rounds; round++)
        {
            var winner = -1;
            foreach (var arm in _top.AsSpan(round * _depth, _depth))
            {
                if (!BanditPolicy.IsExcluded(excluded, arm))
                {
                    winner = arm;
                    break;
                }
            }

            wins[winner < 0 ? Redraw(policy, snapshot, excluded, round) : winner]++;
        }

        return wins;
    }

    /// <summary>The best available arm of <paramref name="round"/>, drawn again from its seed.</summary>
    private int Redraw(IndexPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, int round)
    {
        var random = new SplitMixRandom(RoundSeed(round));
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            // Every arm is drawn, excluded or not, so the generator is where it was when the round was first drawn.
            var score = policy.DrawScore(snapshot, arm, Exploration, random);
            if (!BanditPolicy.IsExcluded(excluded, arm) && (best < 0 || Beats(round, arm, score, best, bestScore)))
            {
                best = arm;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool Beats(int round, int arm, double score, int other, double otherScore) =>
        score > otherScore || (score == otherScore && Priority(round, arm) > Priority(round, other));

    private static ulong RoundSeed(int round) => Mix(0x243F_6A88_85A3_08D3UL ^ (ulong)round);

    private static ulong Priority(int round, int arm) => Mix(((ulong)(uint)round << 32) | (uint)arm);

    /// <summary>The SplitMix64 finalizer: a bijective hash whose outputs look independent for consecutive inputs.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
