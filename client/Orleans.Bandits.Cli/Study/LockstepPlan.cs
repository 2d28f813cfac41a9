
namespace Orleans.Bandits.Cli.Study;

/// <summary>What one lockstep run plays on the platform.</summary>
/// <param name="Tenant">Tenant the study's experiments live in.</param>
/// <param name="Experiment">A fresh experiment id for this seed and setting.</param>
/// <param name="Policy">The policy the experiment is created with.</param>
/// <param name="World">The Bernoulli instance.</param>
/// <param name="Rounds">T.</param>
/// <param name="EventsPerBatch">B: selections between two releases of feedback.</param>
/// <param name="MeanDelayEvents">Mean exponential delay in selections; 0 releases every outcome at the end of its batch.</param>
/// <param name="CurvePoints">Points of the regret curve to keep.</param>
/// <param name="WaitLimit">The longest one wait for training or a replica refresh may take before the study fails.</param>
public sealed record LockstepPlan(
    string Tenant,
    string Experiment,
    PolicySpec Policy,
    StudyWorld World,
    long Rounds,
    int EventsPerBatch,
    double MeanDelayEvents,
    int CurvePoints,
    TimeSpan WaitLimit)
{
    /// <summary>
    /// Tokens must outlive the longest delay in wall time; an hour is far beyond it (a batch takes about
    /// one replica refresh), and a shorter window keeps the dedup marks the grain holds small.
    /// </summary>
    public const int FeedbackWindowSeconds = 3_600;
}
