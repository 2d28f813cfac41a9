using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Policies.Evaluation;
using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Evaluation;

/// <summary>
/// Off-policy evaluation on a decision log (<see cref="OffPolicyEvaluator"/>): reads the experiment's log a page at a
/// time through the experiment grain, keeps the usable decisions (<see cref="UsableDecisions"/>), and replays the
/// target on them. A stateless worker, so the replay runs on the calling silo beside its other work, never in the
/// experiment's activation.
/// </summary>
[StatelessWorker]
public sealed class EvaluationGrain : Grain, IEvaluationGrain
{
    /// <summary>
    /// The most recent usable decisions evaluated: the replay selects about 40 times per decision for a context-free
    /// target and 100 times for a contextual one, so this keeps an evaluation to seconds; a window narrows it to a period.
    /// </summary>
    public const int MaxDecisions = 20_000;

    public async Task<EvaluationReport> Evaluate(string experimentKey, EvaluationRequest request)
    {
        var estimators = Estimators(request.Estimators);
        var experiment = GrainFactory.GetGrain<IExperimentGrain>(experimentKey);
        var view = await experiment.Get();
        var target = Target(request.Policy, view.ContextDimension, view.Arms.Count);

        var usable = new UsableDecisions(view.Arms, request.Window, MaxDecisions);
        string? after = null;
        do
        {
            var page = await experiment.GetEvents(after, DecisionEventPage.MaxLimit);
            usable.Add(page.Items);
            after = page.Next;
        }
        while (after is not null);

        var log = usable.Decisions;
        if (log.Count < 2)
        {
            throw new BanditsException(
                BanditsErrorKind.NotEvaluable,
                $"The log has {usable.Rewarded} decisions with a reward in the window, {log.Count} of them with a propensity; an evaluation needs at least 2. Deterministic choices (ucb1 without ties, greedy) log no propensity.");
        }

        OffPolicyEvaluation evaluation;
        try
        {
            evaluation = OffPolicyEvaluator.Evaluate(target, log, view.Arms.Count, estimators);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid("policy.name", $"Policy '{request.Policy.Name}' cannot learn the logged decisions: {e.Message}");
        }

        return new EvaluationReport(
            evaluation.Events,
            new ValueInterval(evaluation.Logged.Value, evaluation.Logged.Lower, evaluation.Logged.Upper),
            [.. evaluation.Estimates.Select(e => new EstimatorValue(
                OffPolicyEstimatorNames.Name(e.Estimator),
                double.IsNaN(e.Value) ? null : e.Value,
                double.IsNaN(e.Value) ? null : new ValueInterval(e.Value, e.Lower, e.Upper),
                e.EffectiveSampleSize))]);
    }

    private static List<OffPolicyEstimator> Estimators(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            throw BanditsException.Invalid("estimators", "estimators must name at least one of ips, snips, dr (or be left out for all three).");
        }

        var estimators = new List<OffPolicyEstimator>(names.Count);
        foreach (var name in names)
        {
            if (!OffPolicyEstimatorNames.TryParse(name, out var estimator))
            {
                throw BanditsException.Invalid("estimators", $"Unknown estimator '{name}'. Known estimators: ips, snips, dr.");
            }

            estimators.Add(estimator);
        }

        return estimators;
    }

    /// <summary>
    /// Built for this evaluation alone (not through the silo's shared cache of experiments' policies, which a stream of
    /// requests with arbitrary parameters would grow), with the experiment's context dimension and within the state
    /// budget an experiment of its arms would have.
    /// </summary>
    private static IBanditPolicy Target(PolicySpec spec, int contextDimension, int arms)
    {
        IBanditPolicy target;
        try
        {
            target = PolicyCatalogue.Create(spec.Name, spec.Params, contextDimension);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid(e.Field.StartsWith("policy", StringComparison.Ordinal) ? e.Field : "policy.name", e.Message);
        }

        ExperimentDefinitionValidator.CheckStateBudget(target, arms);
        return target;
    }
}
