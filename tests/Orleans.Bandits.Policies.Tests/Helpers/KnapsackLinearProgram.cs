using MathNet.Numerics.LinearAlgebra;

namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>
/// The benchmark of bandits with knapsacks, computed independently of the policy: the linear
/// program max Σᵢ xᵢμᵢ subject to Σᵢ xᵢcᵢⱼ ≤ Bⱼ for every resource j, Σᵢ xᵢ ≤ T and x ≥ 0, where xᵢ is
/// the expected number of pulls of arm i. Its value bounds the expected reward of every policy
/// (Badanidiyuru, Kleinberg and Slivkins 2013, Lemma 3.1).
/// </summary>
internal static class KnapsackLinearProgram
{
    /// <summary>
    /// The optimum by enumerating vertices: an optimum of a bounded LP is attained at a vertex, and
    /// every vertex is found by choosing some arms to be positive and as many constraints to be tight,
    /// solving that square system, and keeping the solutions that are feasible. With m = d + 1
    /// constraints a vertex has at most m positive arms; a handful of arms and resources makes this a
    /// few hundred tiny solves.
    /// </summary>
    public static double Optimum(IReadOnlyList<double> rewards, IReadOnlyList<IReadOnlyList<double>> costs, IReadOnlyList<double> budgets, double horizon)
    {
        var arms = rewards.Count;
        var resources = budgets.Count;

        // Constraint rows: one per resource, then time (every pull costs 1 round).
        double Coefficient(int row, int arm) => row < resources ? costs[arm][row] : 1;
        double Limit(int row) => row < resources ? budgets[row] : horizon;
        var rows = resources + 1;

        var best = 0.0;
        for (var size = 1; size <= Math.Min(rows, arms); size++)
        {
            foreach (var basis in Subsets(arms, size))
            {
                foreach (var tight in Subsets(rows, size))
                {
                    var a = Matrix<double>.Build.Dense(size, size, (r, c) => Coefficient(tight[r], basis[c]));
                    if (Math.Abs(a.Determinant()) < 1e-12)
                    {
                        continue;
                    }

                    var x = a.Solve(Vector<double>.Build.Dense(size, r => Limit(tight[r])));
                    if (x.Any(v => v < -1e-9) || Enumerable.Range(0, rows).Any(r => basis.Select((arm, k) => Coefficient(r, arm) * x[k]).Sum() > Limit(r) + 1e-9))
                    {
                        continue;
                    }

                    best = Math.Max(best, basis.Select((arm, k) => rewards[arm] * x[k]).Sum());
                }
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Subsets(int count, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var last = size - 1; last < count; last++)
        {
            foreach (var rest in Subsets(last, size - 1))
            {
                yield return [.. rest, last];
            }
        }
    }
}
