using System.Globalization;

namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// An <see cref="ExperimentChange"/> checked whole against the experiment, before anything changes: what the grain
/// applies, and the words its audit entry says. A field equal to what the experiment has is no change.
/// </summary>
/// <param name="Status">The new status, if it changes.</param>
/// <param name="Policy">The retuned policy and its spec, if its parameters change.</param>
/// <param name="ArmMetadata">The arms whose metadata changes, with their new metadata.</param>
/// <param name="Winner">The new winner rule, if it changes.</param>
/// <param name="Details">What changes besides the status, one phrase each.</param>
public sealed record ExperimentChangePlan(
    ExperimentStatus? Status,
    (IBanditPolicy Policy, PolicySpec Spec)? Policy,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ArmMetadata,
    WinnerRule? Winner,
    IReadOnlyList<string> Details)
{
    /// <exception cref="BanditsException">Validation, naming the field.</exception>
    public static ExperimentChangePlan Prepare(ExperimentState state, IBanditPolicy policy, ExperimentControlState control, ExperimentChange change)
    {
        var details = new List<string>();
        if (change.Status is { } status && status is not (ExperimentStatus.Running or ExperimentStatus.Paused))
        {
            throw BanditsException.Invalid("status", "Status must be 'running' or 'paused'.");
        }

        var retuned = Retune(state, policy, change, details);

        var armIds = state.Arms.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        ExperimentControlValidator.ValidateArmMetadata(change.ArmMetadata, armIds);
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (arm, entries) in change.ArmMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            var before = control.ArmMetadata.GetValueOrDefault(arm) ?? new Dictionary<string, string>();
            if (before.Count != entries.Count || entries.Any(e => !before.TryGetValue(e.Key, out var value) || value != e.Value))
            {
                metadata[arm] = new Dictionary<string, string>(entries, StringComparer.Ordinal);
                details.Add($"arms[{arm}].metadata {Describe(before)} → {Describe(entries)}");
            }
        }

        ExperimentControlValidator.ValidateWinner(change.Winner);
        var winner = change.Winner is { } rule && rule != state.WinnerRule ? rule : null;
        if (winner is not null)
        {
            details.Add($"winner {Describe(state.WinnerRule)} → {Describe(winner)}");
        }

        return new ExperimentChangePlan(change.Status == state.Status ? null : change.Status, retuned, metadata, winner, details);
    }

    public static string Describe(WinnerRule? rule) => rule is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"probabilityBest {rule.ProbabilityBest}, maxExpectedLoss {rule.MaxExpectedLoss}, promote {(rule.Promote ? "true" : "false")}");

    /// <summary>The policy with the new parameters, when they differ; the name must stay, and the learned state must keep its shape.</summary>
    private static (IBanditPolicy, PolicySpec)? Retune(ExperimentState state, IBanditPolicy policy, ExperimentChange change, List<string> details)
    {
        if (change.PolicyName is { } name && !string.Equals(name, state.Policy.Name, StringComparison.Ordinal))
        {
            throw BanditsException.Invalid("policy.name", $"The policy of an experiment cannot be changed ('{state.Policy.Name}', asked for '{name}'); only its params can. Create a new experiment for another policy.");
        }

        if (change.PolicyParams is not { Count: > 0 } given)
        {
            return null;
        }

        var merged = state.Policy.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in given)
        {
            merged[key] = value;
        }

        IBanditPolicy retuned;
        try
        {
            retuned = PolicyResolver.Resolve(new PolicySpec(state.Policy.Name, merged), state.ContextDimension);
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid(e.Field, e.Message);
        }

        var spec = new PolicySpec(state.Policy.Name, retuned.Parameters.Values.ToDictionary(p => p.Key, p => p.Value));
        var changed = spec.Params.Where(p => !state.Policy.Params.TryGetValue(p.Key, out var before) || !before.SequenceEqual(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        if (!SameShape(policy.CreateState(state.Arms.Count), retuned.CreateState(state.Arms.Count)))
        {
            throw BanditsException.Invalid($"policy.params.{changed[0]}", $"Changing {string.Join(", ", changed)} changes the shape of what the policy has learned (a window length, a number of categories or budgets): create a new experiment for it.");
        }

        ExperimentDefinitionValidator.CheckDefaultReward(retuned, state.DefaultReward);
        details.AddRange(changed.Select(key => $"policy.params.{key} {Describe(state.Policy.Params.GetValueOrDefault(key))} → {Describe(spec.Params[key])}"));
        return (retuned, spec);
    }

    private static bool SameShape(PolicyState a, PolicyState b) =>
        a.Shared.Length == b.Shared.Length && a.Arms.Count == b.Arms.Count && a.Arms.Zip(b.Arms).All(pair => pair.First.Length == pair.Second.Length);

    private static string Describe(double[]? values) => values is null
        ? "none"
        : string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static string Describe(IReadOnlyDictionary<string, string> metadata) =>
        "{" + string.Join(", ", metadata.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}")) + "}";
}
