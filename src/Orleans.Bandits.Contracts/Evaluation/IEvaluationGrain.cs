namespace Orleans.Bandits.Contracts.Evaluation;

/// <summary>
/// Off-policy evaluation of a catalogue policy on an experiment's decision log. A stateless worker (key 0): the work is
/// CPU on the calling silo, away from the experiment's single activation, which it only reads through
/// <see cref="IExperimentGrain.GetEvents"/>.
/// </summary>
[Alias("bandits.IEvaluationGrain")]
public interface IEvaluationGrain : IGrainWithIntegerKey
{
    /// <summary>What <paramref name="request"/>'s policy would have earned on the logged decisions of the experiment keyed <paramref name="experimentKey"/>.</summary>
    /// <remarks>A long log takes seconds to read and replay, more than the default response timeout allows.</remarks>
    /// <exception cref="BanditsException">
    /// NotFound; Validation of an unknown policy, parameter or estimator, or a policy that cannot learn the logged
    /// decisions; NotEvaluable when fewer than two decisions in the window have both a propensity and a reward.
    /// </exception>
    [Alias("Evaluate"), ResponseTimeout("00:02:00")]
    Task<EvaluationReport> Evaluate(string experimentKey, EvaluationRequest request);
}
