namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>Builds any catalogue policy for benchmarking, supplying the parameters a benchmark needs.</summary>
public static class BenchmarkPolicies
{
    /// <summary>Resources per vector parameter (one budget per resource) when the policy needs one.</summary>
    public const int Resources = 2;

    /// <summary>Larger than anything a benchmark run consumes.</summary>
    private const double Unlimited = 1e12;

    /// <summary>
    /// Parameters that would make a benchmark measure the wrong path: with its default budgets and
    /// horizon, bandits with knapsacks stops choosing (returns no arm) once the warm-up data spends
    /// them, so its Select would measure the out-of-budget exit rather than selection.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, double[]>> Overrides = new(StringComparer.Ordinal)
    {
        ["bwk-primal-dual"] = new(StringComparer.Ordinal)
        {
            ["budgets"] = Enumerable.Repeat(Unlimited, Resources).ToArray(),
            ["horizon"] = [Unlimited],
        },
    };

    public static IEnumerable<string> ContextFree => PolicyCatalogue.All.Where(d => !d.Contextual).Select(d => d.Name);

    public static IEnumerable<string> Contextual => PolicyCatalogue.All.Where(d => d.Contextual).Select(d => d.Name);

    public static IBanditPolicy Create(string name, int contextDimension)
    {
        if (!PolicyCatalogue.TryFind(name, out var descriptor))
        {
            throw new ArgumentException($"Unknown policy '{name}'.", nameof(name));
        }

        var parameters = Overrides.TryGetValue(name, out var overrides)
            ? new Dictionary<string, double[]>(overrides, StringComparer.Ordinal)
            : new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var required in descriptor.Parameters.Where(p => p.Default is null && !parameters.ContainsKey(p.Name)))
        {
            parameters[required.Name] = Enumerable.Repeat(ValueWithin(required), required.IsVector ? Resources : 1).ToArray();
        }

        return PolicyCatalogue.Create(name, parameters, descriptor.Contextual ? contextDimension : 0);
    }

    /// <summary>Resources each training event reports costs for: the length of the policy's vector parameters.</summary>
    public static int ResourceCount(IBanditPolicy policy) =>
        policy.Descriptor.Parameters.Where(p => p.IsVector).Select(p => policy.Parameters.Vector(p.Name).Length).DefaultIfEmpty(0).Max();

    /// <summary>A large in-range value for a required parameter a future policy might add, so budget-like values do not run out.</summary>
    private static double ValueWithin(ParameterDescriptor parameter) =>
        parameter.Accepts(Unlimited) ? Unlimited
            : parameter.Accepts(1) ? 1
            : parameter.Max;
}
