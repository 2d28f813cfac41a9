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

    /// <exception cref="BanditsException">NotFound; Validation when <paramref name="status"/> is not running or paused.</exception>
    [Alias("SetStatus")]
    Task<ExperimentView> SetStatus(ExperimentStatus status);

    /// <summary>Replaces the serving rules the change names (gates, default arm, holdout, exploration floor): a new version.</summary>
    /// <exception cref="BanditsException">NotFound; Validation of a bad rule, and then nothing changes.</exception>
    [Alias("ChangeServingRules")]
    Task<ExperimentView> ChangeServingRules(ServingRulesChange change);

    /// <summary>Applies a change whole, as one new version, or nothing of it.</summary>
    /// <exception cref="BanditsException">NotFound; Validation of any field, and then nothing changed.</exception>
    [Alias("Change")]
    Task<ExperimentView> Change(ExperimentChange change);

    /// <summary>A new incarnation with the same arms and settings and nothing learned; tokens of the old one are refused.</summary>
    /// <exception cref="BanditsException">NotFound.</exception>
    [Alias("Reset")]
    Task<ExperimentView> Reset();

    /// <summary>The control actions on this id, oldest first, also after the experiment was deleted.</summary>
    /// <exception cref="BanditsException">NotFound when no experiment ever had this id.</exception>
    [Alias("GetAudit"), ReadOnly]
    Task<IReadOnlyList<AuditEntry>> GetAudit();

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
