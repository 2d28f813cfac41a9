using Orleans.Concurrency;

namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// One experiment, keyed <c>{tenant}/{experiment}</c>. Orleans keeps a single activation, which
/// makes it the single writer of the learned parameters. Feedback reaches it over the experiment's
/// feedback stream, not through this interface.
/// </summary>
[Alias("bandits.IExperimentGrain")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <exception cref="BanditsException">Conflict when it exists; Validation for a bad definition.</exception>
    [Alias("Create")]
    Task<ExperimentView> Create(ExperimentDefinition definition);

    /// <exception cref="BanditsException">NotFound.</exception>
    [Alias("Get"), ReadOnly]
    Task<ExperimentView> Get();

    [Alias("SetStatus")]
    Task<ExperimentView> SetStatus(ExperimentStatus status);

    /// <summary>Replaces the serving rules the change names (gates, default arm, holdout, exploration floor): a new version.</summary>
    /// <exception cref="BanditsException">NotFound; Validation of a bad rule, and then nothing changes.</exception>
    [Alias("ChangeServingRules")]
    Task<ExperimentView> ChangeServingRules(ServingRulesChange change);

    [Alias("Delete")]
    Task Delete();

    [Alias("AddArm")]
    Task<ExperimentView> AddArm(string armId);

    [Alias("RetireArm")]
    Task RetireArm(string armId);

    [Alias("GetStats"), ReadOnly]
    Task<ExperimentStats> GetStats();

    /// <summary>Up to <paramref name="limit"/> (1 to <see cref="DecisionEventPage.MaxLimit"/>) decisions after the cursor <paramref name="after"/>, with their outcomes.</summary>
    /// <remarks>Interleaved: it reads only the arm ids here, and an export must not hold up training.</remarks>
    /// <exception cref="BanditsException">NotFound; Validation of a bad cursor or limit.</exception>
    [Alias("GetEvents"), AlwaysInterleave]
    Task<DecisionEventPage> GetEvents(string? after, int limit);
}
