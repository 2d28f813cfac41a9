namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// The propensities of one snapshot's drawn choices (a Thompson sample, a perturbed leader): the share of
/// N = <see cref="Draws"/> rounds of draws (<see cref="DrawRanking"/>) that each arm wins among the
/// available ones. The rounds are drawn on the first selection that needs them, once per exploration
/// scale, and a table of shares is counted once per (exploration scale, excluded arms), the last
/// <see cref="KeptTables"/> of them kept: after that a selection pays one comparison of its exclusion
/// mask. A new exclusion set costs a pass over the kept rounds, not new draws, unless it excludes all
/// eight best arms of a round.
/// </summary>
/// <remarks>
/// Accuracy: a share p̂ of N independent rounds estimates the arm's probability p with standard error
/// √(p(1 − p)/N) ≤ 1/(2√N), 1.6 percentage points at N = 1,000. An arm chosen although it won no round is
/// reported at <see cref="Floor"/> = 1/(N + 1): it was chosen, so its probability is not 0, and the floor
/// caps its importance weight at N + 1.
/// Cost: the first selection of a snapshot draws N × K scores (about 0.7 ms for Thompson-Beta at K = 10),
/// and so does the first at each other exploration scale (the rounds of the last four scales are kept);
/// a caller that varied the scale from call to call would pay that on every call. The tables allocate on
/// those misses and on each new exclusion set, never on a hit. Thread-safe: tables are
/// immutable, published whole, and built under a lock that hits never take.
/// </remarks>
internal sealed class WinProbabilityTables
{
    /// <summary>Rounds of draws N behind every estimate.</summary>
    public const int Draws = 1_000;

    /// <summary>The smallest propensity reported: 1/(N + 1).</summary>
    public const double Floor = 1.0 / (Draws + 1);

    /// <summary>Exclusion sets remembered per snapshot: blocked and retired arms change rarely, so a few cover the traffic.</summary>
    private const int KeptTables = 8;

    /// <summary>Exploration scales whose rounds are kept per snapshot (32 KB each): callers use one or two.</summary>
    private const int KeptRankings = 4;

    private readonly Lock _gate = new();
    private DrawRanking[] _rankings = [];
    private Table[] _tables = [];

    /// <summary>The catalogue's statement of how a drawn choice's propensity is estimated, <paramref name="draws"/> naming what is drawn.</summary>
    public static string CatalogueNote(string draws) =>
        $"Propensity estimated per snapshot as the share of {Draws:N0} rounds of {draws} the arm wins (per exploration scale and set of excluded arms): standard error ≤ √(p(1 − p)/{Draws:N0}) ≤ 1.6 points, floored at 1/{Draws + 1:N0}.";

    /// <summary>The estimated probability that <paramref name="arm"/> wins when the arms in <paramref name="excluded"/> cannot.</summary>
    public double Estimate(IndexPolicy policy, PolicySnapshot snapshot, int arm, ReadOnlySpan<bool> excluded, double exploration)
    {
        var table = Find(Volatile.Read(ref _tables), excluded, exploration) ?? Add(policy, snapshot, excluded, exploration);
        return Math.Max(table.Probabilities[arm], Floor);
    }

    private Table Add(IndexPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, double exploration)
    {
        lock (_gate)
        {
            if (Find(_tables, excluded, exploration) is { } counted)
            {
                return counted;
            }

            var ranking = Array.Find(_rankings, r => r.Exploration == exploration);
            if (ranking is null)
            {
                ranking = DrawRanking.Draw(policy, snapshot, exploration, Draws);
                _rankings = _rankings.Length < KeptRankings ? [.. _rankings, ranking] : [.. _rankings.AsSpan(1), ranking];
            }

            var wins = ranking.CountWins(policy, snapshot, excluded);
            var mask = new bool[snapshot.ArmCount];
            var probabilities = new double[snapshot.ArmCount];
            for (var arm = 0; arm < mask.Length; arm++)
            {
                mask[arm] = BanditPolicy.IsExcluded(excluded, arm);
                probabilities[arm] = (double)wins[arm] / Draws;
            }

            var table = new Table(exploration, mask, probabilities);
            Volatile.Write(ref _tables, _tables.Length < KeptTables ? [.. _tables, table] : [.. _tables.AsSpan(1), table]);
            return table;
        }
    }

    private static Table? Find(Table[] tables, ReadOnlySpan<bool> excluded, double exploration)
    {
        foreach (var table in tables)
        {
            if (table.Matches(excluded, exploration))
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>The shares counted for one exploration scale and one set of excluded arms.</summary>
    private sealed class Table(double exploration, bool[] excluded, double[] probabilities)
    {
        public double[] Probabilities { get; } = probabilities;

        public bool Matches(ReadOnlySpan<bool> mask, double scale)
        {
            if (scale != exploration)
            {
                return false;
            }

            for (var arm = 0; arm < excluded.Length; arm++)
            {
                if (excluded[arm] != BanditPolicy.IsExcluded(mask, arm))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
