namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>Which parts of the serving rules a change replaces (a PATCH names only what it changes).</summary>
[Flags]
[GenerateSerializer, Alias("bandits.ServingRuleFields")]
public enum ServingRuleFields
{
    None = 0,
    Rollout = 1,
    Targeting = 2,
    Schedule = 4,
    DefaultArm = 8,
    Holdout = 16,
    ExplorationFloor = 32,
}
