namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// A change of some serving rules: the <see cref="Fields"/> named take their value from <see cref="Values"/>, the
/// others stay. Applied by the experiment grain, its single writer, so concurrent changes of different fields both hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.ServingRulesChange")]
public sealed record ServingRulesChange(
    [property: Id(0)] ServingRules Values,
    [property: Id(1)] ServingRuleFields Fields)
{
    public ServingRules ApplyTo(ServingRules current) => new(
        Pick(ServingRuleFields.Rollout, Values.Rollout, current.Rollout),
        Pick(ServingRuleFields.Targeting, Values.Targeting, current.Targeting),
        Pick(ServingRuleFields.Schedule, Values.Schedule, current.Schedule),
        Pick(ServingRuleFields.DefaultArm, Values.DefaultArm, current.DefaultArm),
        Pick(ServingRuleFields.Holdout, Values.Holdout, current.Holdout),
        Fields.HasFlag(ServingRuleFields.ExplorationFloor) ? Values.ExplorationFloor : current.ExplorationFloor);

    private T? Pick<T>(ServingRuleFields field, T? changed, T? current) => Fields.HasFlag(field) ? changed : current;
}
