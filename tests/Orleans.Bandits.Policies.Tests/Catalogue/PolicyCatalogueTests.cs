using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Catalogue;

public sealed class PolicyCatalogueTests
{
    [Fact]
    public void Names_are_unique()
    {
        var names = PolicyCatalogue.All.Select(d => d.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Every_policy_builds_with_its_defaults_and_with_no_data_chooses_uniformly_among_the_available_arms()
    {
        foreach (var descriptor in PolicyCatalogue.All)
        {
            var dimension = descriptor.Contextual ? 3 : 0;
            var policy = PolicyCatalogue.Create(descriptor.Name, (IReadOnlyDictionary<string, double[]>?)null, dimension);
            var snapshot = policy.CreateSnapshot(policy.CreateState(4));
            var context = descriptor.Contextual ? new[] { 0.5, -1.0, 2.0 } : [];
            UniformChoice.AssertUniform(policy, snapshot, context, [], 1.0, seed: 1);
            UniformChoice.AssertUniform(policy, snapshot, context, [true, false, true, false], 1.0, seed: 2);
        }
    }

    [Fact]
    public void Mutant_that_takes_the_first_arm_when_all_are_alike_fails_the_uniform_choice_check()
    {
        // What an argmax without random tie-breaking does with no data: always the first available arm.
        var mutant = new StuckOnArmPolicy(PolicyCatalogue.Create("ucb1"), arm: 1);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => UniformChoice.AssertUniform(mutant, mutant.CreateSnapshot(mutant.CreateState(4)), [], [true, false, true, false], 1.0, seed: 2));
    }

    [Fact]
    public void Every_policy_selects_without_allocating()
    {
        foreach (var descriptor in PolicyCatalogue.All)
        {
            var dimension = descriptor.Contextual ? 3 : 0;
            var policy = PolicyCatalogue.Create(descriptor.Name, (IReadOnlyDictionary<string, double[]>?)null, dimension);
            var resources = descriptor.Parameters.Where(p => p.IsVector).Sum(p => policy.Parameters.Vector(p.Name).Length);
            double[] context = descriptor.Contextual ? [0.5, -1.0, 2.0] : [];

            // Rewards valid for every policy (0, ½ and 1 are also the categorical policy's default values),
            // with what the adversarial, contextual and knapsack ones also need.
            var state = policy.CreateState(4);
            policy.Train(state, [.. Enumerable.Range(0, 40).Select(i => new TrainingEvent(
                i % 3, (i % 5) / 2 / 2.0, 0.25, descriptor.Contextual ? context : null, resources > 0 ? new double[resources] : null))]);
            var snapshot = policy.CreateSnapshot(state);

            foreach (var exploration in new[] { 0.0, 1.0, 2.5 })
            {
                var allocated = AllocatedBytes(policy, snapshot, context, [false, true], exploration, new Random(1), 200);
                Assert.True(allocated == 0, $"{descriptor.Name} at exploration {exploration} allocated {allocated} bytes");
            }
        }
    }

    [Fact]
    public void Unknown_policy_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyCatalogue.Create("nope"));
        Assert.Equal("policy.name", error.Field);
        Assert.Contains("thompson-beta", error.Message);
    }

    [Fact]
    public void Out_of_range_parameter_is_rejected_naming_the_field_and_range()
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("thompson-beta", new Dictionary<string, double> { ["alpha"] = -1 }));
        Assert.Equal("policy.params.alpha", error.Field);
        Assert.Contains("> 0", error.Message);
        Assert.Contains("-1", error.Message);
    }

    [Fact]
    public void Unknown_parameter_is_rejected()
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("thompson-beta", new Dictionary<string, double> { ["gamma"] = 1 }));
        Assert.Equal("policy.params.gamma", error.Field);
    }

    [Fact]
    public void Context_dimension_must_match_the_policy_kind()
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("thompson-beta", (IReadOnlyDictionary<string, double[]>?)null, 3));
        Assert.Equal("contextDimension", error.Field);
    }
}
