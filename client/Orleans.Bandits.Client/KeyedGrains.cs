using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Orleans.Bandits.Client;

/// <summary>
/// Grain references for the per-request paths (select, feedback). Orleans 10.4's <c>GetGrain&lt;T&gt;(key)</c>
/// formats and parses the interface's type name on every call, to find its grain interface type; on the
/// feedback path that was about a seventh of everything allocated. The interface and grain types are
/// resolved once per interface here, and every later reference is built from them directly.
/// </summary>
internal static class KeyedGrains
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    /// <summary>The same reference as <c>grains.GetGrain&lt;TGrain&gt;(key)</c>.</summary>
    public static TGrain Get<TGrain>(IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        var (grain, contract) = Types.GetOrAdd(typeof(TGrain), static (_, g) => Resolve<TGrain>(g), grains);
        return (TGrain)grains.GetGrain(GrainId.Create(grain, key), contract);
    }

    private static (GrainType, GrainInterfaceType) Resolve<TGrain>(IGrainFactory grains)
        where TGrain : IGrainWithStringKey
    {
        var sample = (GrainReference)(object)grains.GetGrain<TGrain>("type-probe");
        return (sample.GrainId.Type, sample.InterfaceType);
    }
}
