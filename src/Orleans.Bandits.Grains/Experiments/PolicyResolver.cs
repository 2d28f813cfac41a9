using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Grains.Replication;

namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// Builds policy objects from their specs, once per distinct spec: policies are immutable and
/// thread-safe, so every experiment, replica and intake on a silo shares them.
/// </summary>
public static class PolicyResolver
{
    private static readonly ConcurrentDictionary<string, IBanditPolicy> Cache = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<ExperimentSnapshot, IBanditPolicy> BySnapshot = [];
    private static readonly ConditionalWeakTable<FeedbackRules, IBanditPolicy> ByRules = [];

    /// <summary>
    /// The policy of a replica, found by reference after the first lookup: selection calls this per
    /// request, so it must not rebuild the spec key every time.
    /// </summary>
    public static IBanditPolicy Resolve(ExperimentSnapshot snapshot) =>
        BySnapshot.GetValue(snapshot, s => Resolve(s.Policy, s.ContextDimension));

    /// <summary>The policy of a silo's cached feedback rules, by reference after the first lookup: intake calls this per event.</summary>
    public static IBanditPolicy Resolve(FeedbackRules rules) =>
        ByRules.GetValue(rules, r => Resolve(r.Policy, r.ContextDimension));

    /// <exception cref="PolicyValidationException">The spec is not a valid policy.</exception>
    public static IBanditPolicy Resolve(PolicySpec spec, int contextDimension)
    {
        var key = string.Join(
            ';',
            [spec.Name, contextDimension.ToString(System.Globalization.CultureInfo.InvariantCulture), .. spec.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join(',', p.Value.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))]);
        return Cache.GetOrAdd(key, _ => PolicyCatalogue.Create(spec.Name, spec.Params, contextDimension));
    }
}
