namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// The propensities of one snapshot's drawn choices (a Thompson sample, a perturbed leader): the share of
/// N = <see cref="DrawsFor"/>(K) rounds of draws (<see cref="DrawRanking"/>) that each arm wins among the
/// available ones. The rounds are drawn on the first selection that needs them, once per exploration
/// scale, and a table of shares is counted once per (exploration scale, excluded arms), the last
/// <see cref="KeptTables"/> of them kept: after that a selection pays one comparison of its exclusion
/// mask. A new exclusion set costs a pass over the kept rounds, not new draws, unless it excludes all
/// eight best arms of a round.
/// </summary>
/// <remarks>
/// Accuracy: a share p̂ of N independent rounds estimates the arm's probability p with standard error
/// √(p(1 − p)/N) ≤ 1/(2√N): 1.6 percentage points at N = 1,000 (up to 20 arms), 5 at the fewest rounds, 100
/// (from 200 arms on). An arm chosen although it won no round is reported at 1/(N + 1): it was chosen, so its
/// probability is not 0, and the floor caps its importance weight at N + 1.
/// Cost: the first selection of a snapshot draws N × K scores, at most <see cref="DrawBudget"/> up to 200 arms
/// (about 1.4 ms for Thompson-Beta; the selector that pays it serves that call late, every refresh),
/// and so does the first at each other exploration scale (the rounds of the last four scales are kept);
/// a caller that varied the scale from call to call would pay that on every call. The tables allocate on
/// those misses and on each new exclusion set, never on a hit. Thread-safe: tables are
/// immutable, published whole, and built under a lock that hits never take.
/// </remarks>
internal sealed class WinProbabilityTables
{
    /// <summary>Rounds of draws N behind an estimate for experiments of up to 20 arms.</summary>
    public const int MaxDraws = 1_000;

    /// <summary>The fewest rounds, whatever the arm count.</summary>
    public const int MinDraws = 100;

    /// <summary>Scores drawn per table at most (until <see cref="MinDraws"/> rounds need more): bounds the select that pays for it.</summary>
    public const int DrawBudget = 20_000;

    /// <summary>Rounds N for <paramref name="armCount"/> arms: <see cref="DrawBudget"/>/K, between <see cref="MinDraws"/> and <see cref="MaxDraws"/>.</summary>
    public static int DrawsFor(int armCount) => Math.Clamp(DrawBudget / Math.Max(armCount, 1), MinDraws, MaxDraws);

    /// <summary>The smallest propensity reported for <paramref name="armCount"/> arms: 1/(N + 1).</summary>
    public static double FloorFor(int armCount) => 1.0 / (DrawsFor(armCount) + 1);

    /// <summary>Exclusion sets remembered per snapshot: blocked and retired arms change rarely, so a few cover the traffic.</summary>
    private const int KeptTables = 8;

    /// <summary>Exploration scales whose rounds are kept per snapshot (32 KB each): callers use one or two.</summary>
    private const int KeptRankings = 4;

    private readonly Lock _gate = new();
    private DrawRanking[] _rankings = [];
    private Table[] _tables = [];

    /// <summary>The catalogue's statement of how a drawn choice's propensity is estimated, <paramref name="draws"/> naming what is drawn.</summary>
    public static string CatalogueNote(string draws) =>
        $"Propensity estimated per snapshot as the share of N rounds of {draws} the arm wins (per exploration scale and set of excluded arms), N = {MaxDraws:N0} up to 20 arms and {DrawBudget:N0}/K rounds above (at least {MinDraws}): standard error ≤ √(p(1 − p)/N), 1.6 points at N = {MaxDraws:N0}, 5 at N = {MinDraws}; floored at 1/(N + 1).";

    /// <summary>The estimated probability that <paramref name="arm"/> wins when the arms in <paramref name="excluded"/> cannot.</summary>
    public double Estimate(IndexPolicy policy, PolicySnapshot snapshot, int arm, ReadOnlySpan<bool> excluded, double exploration)
    {
        var table = Find(Volatile.Read(ref _tables), excluded, exploration) ?? Add(policy, snapshot, excluded, exploration);
        return Math.Max(table.Probabilities[arm], FloorFor(snapshot.ArmCount));
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
                ranking = DrawRanking.Draw(policy, snapshot, exploration, DrawsFor(snapshot.ArmCount));
                _rankings = _rankings.Length < KeptRankings ? [.. _rankings, ranking] : [.. _rankings.AsSpan(1), ranking];
            }

            var wins = ranking.CountWins(policy, snapshot, excluded);
            var mask = new bool[snapshot.ArmCount];
            var probabilities = new double[snapshot.ArmCount];
            for (var arm = 0; arm < mask.Length; arm++)
            {
                mask[arm] = BanditPolicy.IsExcluded(excluded, arm);
                probabilities[arm] = (double)wins[arm] / DrawsFor(snapshot.ArmCount);
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
