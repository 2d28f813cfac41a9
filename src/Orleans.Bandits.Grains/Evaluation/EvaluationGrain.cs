using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Evaluation;

/// <summary>
/// Off-policy evaluation on an experiment's decision log (<see cref="DecisionLogEvaluation"/>, which
/// <c>bandits evaluate --file</c> runs on an export too): reads the log a page at a time through the experiment grain.
/// A stateless worker, so the replay runs on the calling silo beside its other work, never in the experiment's activation.
/// </summary>
[StatelessWorker]
public sealed class EvaluationGrain : Grain, IEvaluationGrain
{
    public async Task<EvaluationReport> Evaluate(string experimentKey, EvaluationRequest request)
    {
        var experiment = GrainFactory.GetGrain<IExperimentGrain>(experimentKey);
        var view = await experiment.Get();
        var evaluation = DecisionLogEvaluation.ForExperiment(request, [.. view.Arms.Select(arm => arm.Id)], view.ContextDimension);
        string? after = null;
        do
        {
            var page = await experiment.GetEvents(after, DecisionEventPage.MaxLimit);
            foreach (var decisionEvent in page.Items)
            {
                evaluation.Add(decisionEvent);
            }

            after = page.Next;
        }
        while (after is not null);

        return evaluation.Evaluate();
    }
}
