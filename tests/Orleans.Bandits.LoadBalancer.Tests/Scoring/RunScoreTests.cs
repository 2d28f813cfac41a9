using Orleans.Bandits.Harness.Scoring;

namespace Orleans.Bandits.LoadBalancer.Tests.Scoring;

/// <summary>The take-home's scoring, checked against an example worked out by hand.</summary>
public sealed class RunScoreTests
{
    [Fact]
    public void Scoring_matches_a_hand_computed_example()
    {
        // attempts  succeeded  penalty = max(0, attempts − 3)
        //    1        yes        0
        //    3        yes        0
        //    4        yes        1
        //   10        no         7
        //    2        yes        0
        // successes 4, penalties 8, score 4 − 8 = −4; attempts 20, retries 20 − 5 = 15.
        // Latencies 10, 20, 30, 40, 50 ms: p50 = 30; p99 at position 0.99·4 = 3.96 → 40 + 0.96·10 = 49.6.
        var score = RunScore.Of(
        [
            new RequestTally(1, true, 10),
            new RequestTally(3, true, 20),
            new RequestTally(4, true, 50),
            new RequestTally(10, false, 40),
            new RequestTally(2, true, 30),
        ]);

        Assert.Equal(new RunScore(Requests: 5, Successes: 4, Score: -4, Attempts: 20, Retries: 15, Penalties: 8, LatencyP50Ms: 30, LatencyP99Ms: 49.6), score with { LatencyP99Ms = Math.Round(score.LatencyP99Ms, 9) });
        Assert.Equal(0.8, score.SuccessRate);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(10, 7)]
    public void Only_attempts_beyond_the_third_cost_a_point(int attempts, int penalty) =>
        Assert.Equal(penalty, RunScore.PenaltyFor(attempts));

    [Fact]
    public void An_empty_run_scores_zero() =>
        Assert.Equal(new RunScore(0, 0, 0, 0, 0, 0, 0, 0), RunScore.Of([]));
}
