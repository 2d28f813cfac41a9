using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Policies;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

/// <summary>
/// What one create can make a silo allocate: for every catalogue policy at its largest (context dimension 256,
/// 64-element lists), the most arms the budget accepts build a state of at most
/// <see cref="ExperimentDefinitionValidator.MaxStateDoubles"/> doubles, counted on the state actually allocated.
/// </summary>
public sealed class StateBudgetTests
{
    public static TheoryData<string> Policies => [.. PolicyCatalogue.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_largest_experiment_a_create_is_allowed_stays_within_the_state_budget(string name)
    {
        var descriptor = PolicyCatalogue.All.Single(d => d.Name == name);
        var policy = PolicyCatalogue.Create(name, Largest(descriptor), descriptor.Contextual ? PolicyCatalogue.MaxContextDimension : 0);
        var arms = LargestAccepted(policy);

        var state = policy.CreateState(arms);

        Assert.InRange(state.Arms.Sum(a => (long)a.Length) + state.Shared.Length, 1, ExperimentDefinitionValidator.MaxStateDoubles);
        if (arms < ExperimentDefinition.MaxArms)
        {
            Assert.Throws<BanditsException>(() => ExperimentDefinitionValidator.CheckStateBudget(policy, arms + 1));
        }
    }

    /// <summary>Every list parameter at its longest, of distinct accepted values (categories must differ).</summary>
    private static Dictionary<string, double[]> Largest(PolicyDescriptor descriptor) => descriptor.Parameters
        .Where(p => p.IsVector)
        .ToDictionary(p => p.Name, p =>
        {
            var fractions = Enumerable.Range(1, PolicyParameters.MaxVectorLength).Select(i => i / (double)PolicyParameters.MaxVectorLength).ToArray();
            return fractions.All(p.Accepts) ? fractions : fractions.Select(f => Math.Max(1, p.Min) + (f * PolicyParameters.MaxVectorLength)).ToArray();
        });

    private static int LargestAccepted(IBanditPolicy policy)
    {
        var arms = ExperimentDefinition.MaxArms;
        while (ExperimentDefinitionValidator.StateDoubles(policy, arms) > ExperimentDefinitionValidator.MaxStateDoubles)
        {
            arms--;
        }

        ExperimentDefinitionValidator.CheckStateBudget(policy, arms);
        return arms;
    }
}
