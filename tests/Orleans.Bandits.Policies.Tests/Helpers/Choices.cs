namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>Many selections from one snapshot, summarized per arm.</summary>
internal static class Choices
{
    /// <summary>How often each arm is chosen in <paramref name="draws"/> selections with no arm excluded.</summary>
    public static int[] Counts(IBanditPolicy policy, PolicySnapshot snapshot, double[] context, double exploration, Random random, int draws)
    {
        var counts = new int[snapshot.ArmCount];
        for (var i = 0; i < draws; i++)
        {
            counts[policy.Select(snapshot, context, [], exploration, random)!.Value.Arm]++;
        }

        return counts;
    }

    /// <summary>The propensity reported for each arm (0 if never chosen), checking each arm always reports the same one.</summary>
    public static double[] Propensities(IBanditPolicy policy, PolicySnapshot snapshot, bool[] excluded, double exploration)
    {
        var seen = new double[snapshot.ArmCount];
        var random = new Random(21);
        for (var i = 0; i < 5_000; i++)
        {
            var selection = policy.Select(snapshot, [], excluded, exploration, random)!.Value;
            var propensity = selection.Propensity!.Value;
            Assert.True(seen[selection.Arm] == 0 || Math.Abs(seen[selection.Arm] - propensity) < 1e-12);
            seen[selection.Arm] = propensity;
        }

        return seen;
    }

    /// <summary>Per-arm values equal to 12 decimal places.</summary>
    public static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var arm = 0; arm < expected.Length; arm++)
        {
            Assert.Equal(expected[arm], actual[arm], 12);
        }
    }

    /// <summary>
    /// Bytes allocated on this thread by <paramref name="calls"/> selections: the least of three rounds, after
    /// one warm-up call so that first-call costs (JIT, lazily built statics) are not counted. A selection that
    /// allocates does so in every round; the runtime's one-off work on this thread (tiering a method up or
    /// replacing a running loop with optimized code mid-round, seen once in CI as 992 bytes) lands in one.
    /// </summary>
    public static long AllocatedBytes(IBanditPolicy policy, PolicySnapshot snapshot, double[] context, bool[] excluded, double exploration, Random random, int calls)
    {
        policy.Select(snapshot, context, excluded, exploration, random);
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < calls; i++)
            {
                policy.Select(snapshot, context, excluded, exploration, random);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
