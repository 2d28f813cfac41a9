using Orleans.Bandits.Contracts.Experiments;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Policies.Abstractions;
using Orleans.Bandits.Policies.Catalogue;

namespace Orleans.Bandits.Testing;

/// <summary>
/// The largest experiment a tenant may create with each catalogue policy: every list parameter at its longest, the
/// largest context dimension, and as many arms as the state budget (<see cref="ExperimentDefinitionValidator.MaxStateDoubles"/>)
/// accepts. What the state budget test checks and the memory benchmark sends.
/// </summary>
public static class LargestExperiments
{
    /// <summary>Every list parameter at its longest, of distinct accepted values (categories must differ); the others at their defaults.</summary>
    public static Dictionary<string, double[]> Parameters(PolicyDescriptor descriptor) => descriptor.Parameters
        .Where(p => p.IsVector)
        .ToDictionary(p => p.Name, p =>
        {
            var fractions = Enumerable.Range(1, PolicyParameters.MaxVectorLength).Select(i => i / (double)PolicyParameters.MaxVectorLength).ToArray();
            return fractions.All(p.Accepts) ? fractions : fractions.Select(f => Math.Max(1, p.Min) + (f * PolicyParameters.MaxVectorLength)).ToArray();
        });

    public static int ContextDimension(PolicyDescriptor descriptor) => descriptor.Contextual ? PolicyCatalogue.MaxContextDimension : 0;

    /// <summary>The policy with <see cref="Parameters"/> and <see cref="ContextDimension"/>.</summary>
    public static IBanditPolicy Policy(PolicyDescriptor descriptor) =>
        PolicyCatalogue.Create(descriptor.Name, Parameters(descriptor), ContextDimension(descriptor));

    /// <summary>The most arms, up to <see cref="ExperimentDefinition.MaxArms"/>, whose state fits the budget.</summary>
    public static int Arms(IBanditPolicy policy)
    {
        var arms = ExperimentDefinition.MaxArms;
        while (ExperimentDefinitionValidator.StateDoubles(policy, arms) > ExperimentDefinitionValidator.MaxStateDoubles)
        {
            arms--;
        }

        return arms;
    }
}
