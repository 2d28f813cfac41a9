using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Grains.Evaluation;

/// <summary>
/// Off-policy evaluation of a decision log (<see cref="OffPolicyEvaluator"/>), wherever its events come from: the
/// evaluation grain feeds it an experiment's log page by page, <c>bandits evaluate --file</c> the rows of a Parquet
/// export. One path from events to report, so the same log gives the same numbers both ways: the usable decisions
/// (<see cref="UsableDecisions"/>), the most recent <see cref="MaxDecisions"/> of them, the target built from the
/// catalogue, and the estimates.
/// </summary>
public sealed class DecisionLogEvaluation
{
    /// <summary>
    /// The most recent usable decisions evaluated: the replay selects about 40 times per decision for a context-free
    /// target and 100 times for a contextual one, so this keeps an evaluation to seconds; a window narrows it to a period.
    /// </summary>
    public const int MaxDecisions = 20_000;

    private readonly PolicySpec _policy;
    private readonly IReadOnlyList<OffPolicyEstimator> _estimators;
    private readonly IReadOnlyList<string>? _arms;
    private readonly UsableDecisions _usable;
    private IBanditPolicy? _target;

    private DecisionLogEvaluation(EvaluationRequest request, IReadOnlyList<string>? arms)
    {
        _policy = request.Policy;
        _estimators = Estimators(request.Estimators);
        _arms = arms;
        _usable = new UsableDecisions(request.Window, arms, MaxDecisions);
    }

    /// <summary>
    /// An experiment's own log: its arms in its order and its context dimension are known, so the target is built
    /// here and a policy the experiment could not run is refused before any of the log is read.
    /// </summary>
    /// <exception cref="BanditsException">Validation of an unknown estimator, policy or parameter.</exception>
    public static DecisionLogEvaluation ForExperiment(EvaluationRequest request, IReadOnlyList<string> arms, int contextDimension) =>
        new(request, arms) { _target = Target(request.Policy, contextDimension, arms.Count) };

    /// <summary>
    /// A log read without its experiment, as a Parquet export: the arms are <paramref name="arms"/> when given (an arm
    /// never chosen is in no row), else every arm the log names, in ordinal order; the context dimension is the rows'.
    /// Arm order matters to the numbers as far as the target breaks ties and draws by arm index.
    /// </summary>
    /// <exception cref="BanditsException">Validation of an unknown estimator.</exception>
    public static DecisionLogEvaluation ForLog(EvaluationRequest request, IReadOnlyList<string>? arms) => new(request, arms);

    /// <summary>Adds the next event of the log, oldest first; a decision's events are consecutive.</summary>
    public void Add(DecisionEvent decisionEvent) => _usable.Add(decisionEvent);

    /// <summary>What the target would have earned on the decisions added, beside what the logging policy earned.</summary>
    /// <exception cref="BanditsException">
    /// NotEvaluable when fewer than two decisions in the window have both a propensity and a reward; Validation of a
    /// policy that cannot learn the logged decisions (or, for a log, that its arms and contexts cannot run).
    /// </exception>
    public EvaluationReport Evaluate()
    {
        var arms = _arms ?? _usable.Named;
        var log = _usable.Decisions(arms);
        if (log.Count < 2)
        {
            throw new BanditsException(
                BanditsErrorKind.NotEvaluable,
                $"The log has {_usable.Rewarded} decisions with a reward in the window, {log.Count} of them with a propensity; an evaluation needs at least 2. Deterministic choices (ucb1 without ties, greedy) log no propensity.");
        }

        var target = _target ?? Target(_policy, _usable.ContextDimension, arms.Count);
        OffPolicyEvaluation evaluation;
        try
        {
            evaluation = OffPolicyEvaluator.Evaluate(target, log, arms.Count, _estimators);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid("policy.name", $"Policy '{_policy.Name}' cannot learn the logged decisions: {e.Message}");
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
    /// requests with arbitrary parameters would grow), with the log's context dimension and within the state budget an
    /// experiment of its arms would have.
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
