namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>Activations on the silo by grain class, as the management grain reports them.</summary>
public sealed class ActivationCensus(IReadOnlyDictionary<string, int> byType)
{
    public int Total => byType.Values.Sum();

    /// <summary>Activations of the grain class named <paramref name="className"/>.</summary>
    public int Of(string className) => byType.Where(t => ClassName(t.Key) == className).Sum(t => t.Value);

    public override string ToString() =>
        string.Join(", ", byType.OrderByDescending(t => t.Value).Select(t => $"{ClassName(t.Key)} {t.Value:N0}"));

    /// <summary>The class name from Orleans' type string, <c>Namespace.Class,Assembly</c> (generic arguments in brackets).</summary>
    private static string ClassName(string grainType)
    {
        var typeName = grainType.Split(',')[0].Split('[')[0];
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }

    public static async Task<ActivationCensus> TakeAsync(IManagementGrain management)
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return new ActivationCensus(statistics.GroupBy(s => s.GrainType).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount)));
    }
}
