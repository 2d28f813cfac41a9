using Orleans.Bandits.Grains.Selection.Gates;

namespace Orleans.Bandits.Cluster.Tests.Selection;

public sealed class UnitBucketsTests
{
    [Fact]
    public void Buckets_are_pinned_so_no_release_moves_a_unit_in_or_out_of_a_rollout()
    {
        // Computed once and written here: a hash that changed between versions or processes would fail this.
        Assert.Equal(Pinned.Rollout, UnitBuckets.Rollout("acme/homepage-hero", "user-42"));
        Assert.Equal(Pinned.Holdout, UnitBuckets.Holdout("acme/homepage-hero", "user-42"));
    }

    [Fact]
    public void Rollout_and_holdout_buckets_are_independent_and_uniform()
    {
        // 20,000 units: a share p has sd sqrt(p(1-p)/n); at p = 0.3·0.2 = 0.06 that is 0.17 points, at 0.3 it is 0.32, so
        // 1 point is over 3 sd for each. Correlated buckets (the same hash for both) would put 20 %, not 6 %, in both.
        const int units = 20_000;
        int rollout = 0, holdout = 0, both = 0;
        for (var i = 0; i < units; i++)
        {
            var unit = $"user-{i}";
            var inRollout = UnitBuckets.IsWithin(UnitBuckets.Rollout("acme/independence", unit), 30);
            var inHoldout = UnitBuckets.IsWithin(UnitBuckets.Holdout("acme/independence", unit), 20);
            rollout += inRollout ? 1 : 0;
            holdout += inHoldout ? 1 : 0;
            both += inRollout && inHoldout ? 1 : 0;
        }

        Assert.InRange(rollout / (double)units, 0.29, 0.31);
        Assert.InRange(holdout / (double)units, 0.19, 0.21);
        Assert.InRange(both / (double)units, 0.05, 0.07);
    }

    [Fact]
    public void The_experiment_is_part_of_the_hash_and_long_units_hash_too()
    {
        Assert.NotEqual(UnitBuckets.Rollout("acme/a", "user-1"), UnitBuckets.Rollout("acme/b", "user-1"));
        Assert.NotEqual(UnitBuckets.Rollout("acme/a", "bc"), UnitBuckets.Rollout("acme/ab", "c"));
        var longUnit = new string('u', 5_000);
        Assert.Equal(UnitBuckets.Rollout("acme/a", longUnit), UnitBuckets.Rollout("acme/a", longUnit));
        Assert.InRange(UnitBuckets.Rollout("acme/a", longUnit), 0, 1 - double.Epsilon);
    }

    [Fact]
    public void Zero_percent_takes_no_unit_and_a_hundred_takes_every_unit()
    {
        Assert.False(UnitBuckets.IsWithin(0, 0));
        Assert.True(UnitBuckets.IsWithin(Math.BitDecrement(1.0), 100));
    }

    private static class Pinned
    {
        public const double Rollout = 0.40435509802289349;
        public const double Holdout = 0.83788693298458394;
    }
}
