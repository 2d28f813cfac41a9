namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// The winner rule, checked after training batches on a schedule of trained events: from
/// <see cref="MinEventsPerArm"/> events per active arm, then whenever the events have grown by
/// 1/<see cref="GrowthDivisor"/> (5 %). The schedule depends only on the events, not on time, so a test knows when a
/// check ran; and checks thin out as the posterior moves less, about 20 × ln(n / n₀) of them between n₀ and n events
/// (92 from 500 to 50,000), each 2,000 draws per active arm.
/// </summary>
/// <remarks>
/// The minimum is there because the rule is looked at again and again: a posterior of a handful of events per arm can
/// put 0.99 on a lucky arm (16 successes of 18 among five fair coins, say), and one such look is enough to declare it.
/// </remarks>
public static class WinnerCheck
{
    public const int GrowthDivisor = 20;

    public const int MinEventsPerArm = 100;

    /// <summary>Whether a check is due: a rule, no winner yet, running, and the scheduled events reached.</summary>
    public static bool IsDue(ExperimentState state) =>
        state is { WinnerRule: not null, Winner: null, Status: ExperimentStatus.Running }
        && state.TrainedEvents >= Math.Max(state.NextWinnerCheck, (long)MinEventsPerArm * state.Arms.Count(a => !a.Retired));

    /// <summary>The trained events at which the next check is due, after one at <paramref name="trainedEvents"/>.</summary>
    public static long NextCheckAfter(long trainedEvents) => trainedEvents + Math.Max(1, trainedEvents / GrowthDivisor);

    /// <summary>
    /// Runs the check when it is due, on the posterior the stats show, and declares the winner it finds. True when one
    /// was declared: the caller publishes it as a new version and audits it.
    /// </summary>
    public static bool Run(ExperimentState state, IBanditPolicy policy, DateTimeOffset now)
    {
        if (!IsDue(state))
        {
            return false;
        }

        state.NextWinnerCheck = NextCheckAfter(state.TrainedEvents);
        if (ArmStatisticsCalculator.Summarize(state, policy, policy.CreateSnapshot(state.Learned!)) is not { } summary
            || Find(state.WinnerRule!, summary) is var arm && arm < 0)
        {
            return false;
        }

        state.Winner = new WinnerDeclaration(state.Arms[arm].Id, now, summary.ProbabilityBest[arm]!.Value, summary.ExpectedLoss[arm]!.Value);
        return true;
    }

    /// <summary>The arm meeting both bounds of <paramref name="rule"/>, or <c>-1</c>. Probabilities sum to 1, so above 0.5 at most one arm can; below, the most probable one is taken.</summary>
    public static int Find(WinnerRule rule, PosteriorSummary summary)
    {
        var found = -1;
        for (var arm = 0; arm < summary.ProbabilityBest.Count; arm++)
        {
            if (summary.ProbabilityBest[arm] is { } probability && summary.ExpectedLoss[arm] is { } loss
                && probability >= rule.ProbabilityBest && loss <= rule.MaxExpectedLoss
                && (found < 0 || probability > summary.ProbabilityBest[found]))
            {
                found = arm;
            }
        }

        return found;
    }
}
