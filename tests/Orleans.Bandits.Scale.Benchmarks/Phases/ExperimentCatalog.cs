
namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>The experiments of one scale: <c>t{i / perTenant}/e{i}</c>, so tenants hold equal shares.</summary>
public sealed class ExperimentCatalog(int count, int perTenant)
{
    public IReadOnlyList<ExperimentId> Ids { get; } =
        Enumerable.Range(0, count).Select(i => new ExperimentId($"t{i / perTenant}", $"e{i}")).ToArray();

    public int Tenants { get; } = (count + perTenant - 1) / perTenant;

    public static string ArmName(int index) => $"a{index}";

    /// <summary>The index back from a name made by <see cref="ArmName"/>.</summary>
    public static int ArmIndex(string arm) => int.Parse(arm.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
