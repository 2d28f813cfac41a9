namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>Event sequences the policy tests train on.</summary>
internal static class TestEvents
{
    /// <summary><paramref name="successes"/> rewards of 1, then <paramref name="failures"/> rewards of 0, on <paramref name="arm"/>.</summary>
    public static IEnumerable<TrainingEvent> Outcomes(int arm, int successes, int failures) =>
        Enumerable.Repeat(new TrainingEvent(arm, 1), successes).Concat(Enumerable.Repeat(new TrainingEvent(arm, 0), failures));

    /// <summary>One event per arm, arm i earning <c>rewards[i]</c>.</summary>
    public static TrainingEvent[] OnePerArm(params double[] rewards) => [.. rewards.Select((r, arm) => new TrainingEvent(arm, r))];

    /// <summary>Rewards mean ± spread, alternating: sample mean exactly <paramref name="mean"/>.</summary>
    public static IEnumerable<TrainingEvent> Alternating(int arm, double mean, double spread, int count) =>
        Enumerable.Range(0, count).Select(i => new TrainingEvent(arm, mean + (i % 2 == 0 ? spread : -spread)));
}
