using Orleans.Bandits.Policies;

namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>Builds any catalogue policy for benchmarking, supplying values for parameters that have no default.</summary>
public static class BenchmarkPolicies
{
    /// <summary>Resources per knapsack-style vector parameter (e.g. one budget per resource).</summary>
    public const int Resources = 2;

    public static IEnumerable<string> ContextFree => PolicyCatalogue.All.Where(d => !d.Contextual).Select(d => d.Name);

    public static IEnumerable<string> Contextual => PolicyCatalogue.All.Where(d => d.Contextual).Select(d => d.Name);

    public static IBanditPolicy Create(string name, int contextDimension)
    {
        if (!PolicyCatalogue.TryFind(name, out var descriptor))
        {
            throw new ArgumentException($"Unknown policy '{name}'.", nameof(name));
        }

        var required = descriptor.Parameters
            .Where(p => p.Default is null)
            .ToDictionary(p => p.Name, p => Enumerable.Repeat(ValueWithin(p), p.IsVector ? Resources : 1).ToArray(), StringComparer.Ordinal);
        return PolicyCatalogue.Create(name, required, descriptor.Contextual ? contextDimension : 0);
    }

    /// <summary>Resources each training event reports costs for: the length of the policy's vector parameters.</summary>
    public static int ResourceCount(IBanditPolicy policy) =>
        policy.Descriptor.Parameters.Where(p => p.IsVector).Select(p => policy.Parameters.Vector(p.Name).Length).DefaultIfEmpty(0).Max();

    /// <summary>
    /// A large in-range value, so budget-like parameters do not run out during a benchmark
    /// (a policy out of budget would measure its stopping path, not its selection).
    /// </summary>
    private static double ValueWithin(ParameterDescriptor parameter)
    {
        const double generous = 1e9;
        return parameter.Accepts(generous) ? generous
            : parameter.Accepts(1) ? 1
            : parameter.Max;
    }
}
