namespace Orleans.Bandits.Contracts.Selection;

/// <summary>Why a select was answered with the experiment's default arm, which records no decision and teaches nothing.</summary>
[GenerateSerializer, Alias("bandits.DefaultReason")]
public enum DefaultReason
{
    /// <summary>The unit's stable bucket is outside the rollout percentage.</summary>
    Rollout = 0,

    /// <summary>A targeting rule does not hold for the request's attributes.</summary>
    Targeting = 1,

    /// <summary>The time is outside the schedule (its start and end, or its daily hours).</summary>
    Schedule = 2,

    /// <summary>The experiment is paused.</summary>
    Paused = 3,
}
