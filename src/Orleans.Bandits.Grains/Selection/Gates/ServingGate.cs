namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>
/// The gates of an experiment's serving rules, in the order a select meets them: paused, schedule, targeting,
/// rollout; the first that is closed is the reason the default arm is served. A request without a unit, where a
/// rollout below 100 % or a holdout needs one, is a new random unit each time: the shares hold, but nothing is sticky.
/// </summary>
public static class ServingGate
{
    /// <summary>Why the default arm is served, or <c>null</c> when the bandit (or the holdout) serves.</summary>
    public static DefaultReason? Closed(
        ServingRules rules, ExperimentStatus status, string experimentKey, SelectRequest request, DateTimeOffset now, Random random)
    {
        if (status == ExperimentStatus.Paused)
        {
            return DefaultReason.Paused;
        }

        if (!ScheduleGate.IsOpen(rules.Schedule, now))
        {
            return DefaultReason.Schedule;
        }

        if (!TargetingGate.Admits(rules.Targeting, request.Attributes))
        {
            return DefaultReason.Targeting;
        }

        if (rules.Rollout is { Percentage: < 100 } rollout)
        {
            var bucket = request.Unit is { } unit ? UnitBuckets.Rollout(experimentKey, unit) : random.NextDouble();
            if (!UnitBuckets.IsWithin(bucket, rollout.Percentage))
            {
                return DefaultReason.Rollout;
            }
        }

        return null;
    }

    /// <summary>Whether the unit is in the holdout: a share of the units the gates let through.</summary>
    public static bool InHoldout(ServingRules rules, string experimentKey, string? unit, Random random)
    {
        if (rules.Holdout is not { Percentage: > 0 } holdout)
        {
            return false;
        }

        var bucket = unit is not null ? UnitBuckets.Holdout(experimentKey, unit) : random.NextDouble();
        return UnitBuckets.IsWithin(bucket, holdout.Percentage);
    }

    /// <summary>The arm served outside the gates: the rules' default arm while it is active, else the first active arm.</summary>
    public static string DefaultArm(IReadOnlyList<ArmView> arms, string? defaultArm)
    {
        if (defaultArm is not null && arms.FirstOrDefault(a => a.Id == defaultArm) is { Retired: false } named)
        {
            return named.Id;
        }

        return (arms.FirstOrDefault(a => !a.Retired) ?? arms[0]).Id;
    }
}
