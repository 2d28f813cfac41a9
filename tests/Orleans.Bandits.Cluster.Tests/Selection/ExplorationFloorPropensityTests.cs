using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Selection.Gates;

namespace Orleans.Bandits.Cluster.Tests.Selection;

/// <summary>The floor's propensities without a cluster: exact for a deterministic policy, and a distribution for any policy.</summary>
public sealed class ExplorationFloorPropensityTests
{
    private const double Floor = 0.05;
    private const int Arms = 4;

    [Fact]
    public void A_deterministic_choice_gets_one_minus_f_plus_f_over_k_and_every_other_arm_f_over_k()
    {
        var (policy, snapshot) = Trained("ucb1");
        var random = new Random(7);
        var logged = new Dictionary<int, HashSet<double>>();
        for (var i = 0; i < 5_000; i++)
        {
            var choice = policy.Select(snapshot, [], new bool[Arms], 1, random)!.Value;
            Assert.Null(choice.Propensity);
            var served = ExplorationFloor.Apply(Floor, choice, policy, snapshot, [], new bool[Arms], 1, random);
            (logged.TryGetValue(served.Arm, out var seen) ? seen : logged[served.Arm] = []).Add(served.Propensity!.Value);
        }

        Assert.Equal(Arms, logged.Count);
        Assert.Equal(1 - Floor + (Floor / Arms), Assert.Single(logged[0]), 12);
        Assert.All(Enumerable.Range(1, Arms - 1), arm => Assert.Equal(Floor / Arms, Assert.Single(logged[arm]), 12));
    }

    [Fact]
    public void While_arms_are_unplayed_a_drawn_policy_ties_them_exactly_so_every_arm_is_served_at_one_over_k()
    {
        // FPL scores an arm never played +∞, ahead of every draw: with none played the policy picks uniformly (1/K each),
        // and so does the floor, so the mixture is exactly 1/K whichever branch served.
        var policy = PolicyResolver.Resolve(new PolicySpec("fpl", new Dictionary<string, double[]>()), 0);
        var snapshot = policy.CreateSnapshot(policy.CreateState(Arms));
        var random = new Random(5);
        for (var i = 0; i < 2_000; i++)
        {
            var choice = policy.Select(snapshot, [], new bool[Arms], 1, random)!.Value;
            Assert.Equal(1.0 / Arms, ExplorationFloor.Apply(Floor, choice, policy, snapshot, [], new bool[Arms], 1, random).Propensity!.Value, 12);
        }
    }

    [Theory]
    [InlineData("epsilon-greedy")]
    [InlineData("thompson-beta")]
    [InlineData("exp3")]
    public void Every_arm_is_served_with_a_propensity_of_at_least_f_over_k_and_at_most_one(string name)
    {
        var (policy, snapshot) = Trained(name);
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var choice = policy.Select(snapshot, [], new bool[Arms], 1, random)!.Value;
            var served = ExplorationFloor.Apply(Floor, choice, policy, snapshot, [], new bool[Arms], 1, random);
            Assert.InRange(served.Propensity!.Value, Floor / Arms, 1);
        }
    }

    [Fact]
    public void Without_a_floor_the_choice_is_served_as_the_policy_made_it()
    {
        var (policy, snapshot) = Trained("epsilon-greedy");
        var choice = policy.Select(snapshot, [], new bool[Arms], 1, new Random(3))!.Value;
        Assert.Equal(choice, ExplorationFloor.Apply(0, choice, policy, snapshot, [], new bool[Arms], 1, new Random(3)));
    }

    /// <summary>Arm 0 paid 1 on each of 50 plays, the others 0: every policy prefers it.</summary>
    private static (IBanditPolicy Policy, PolicySnapshot Snapshot) Trained(string name)
    {
        var policy = PolicyResolver.Resolve(new PolicySpec(name, new Dictionary<string, double[]>()), 0);
        var state = policy.CreateState(Arms);
        var events = Enumerable.Range(0, 50 * Arms).Select(i => new TrainingEvent(i % Arms, i % Arms == 0 ? 1 : 0, 1.0 / Arms)).ToArray();
        policy.Train(state, events);
        return (policy, policy.CreateSnapshot(state));
    }
}
