using Orleans.Bandits.Grains.Experiments;

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
        var policy = LargestExperiments.Policy(PolicyCatalogue.All.Single(d => d.Name == name));
        var arms = LargestExperiments.Arms(policy);
        ExperimentDefinitionValidator.CheckStateBudget(policy, arms);

        var state = policy.CreateState(arms);

        Assert.InRange(state.Arms.Sum(a => (long)a.Length) + state.Shared.Length, 1, ExperimentDefinitionValidator.MaxStateDoubles);
        if (arms < ExperimentDefinition.MaxArms)
        {
            Assert.Throws<BanditsException>(() => ExperimentDefinitionValidator.CheckStateBudget(policy, arms + 1));
        }
    }
}
