namespace Orleans.Bandits.Client;

/// <summary>
/// The platform as a web app sees it. Every call acts for one tenant; errors surface as
/// <see cref="BanditsException"/> with a <see cref="BanditsErrorKind"/>.
/// </summary>
public interface IBanditsClient
{
    Task<ExperimentView> CreateExperimentAsync(string tenant, string experiment, ExperimentDefinition definition);

    Task<ExperimentView> GetExperimentAsync(string tenant, string experiment);

    Task<ExperimentView> SetStatusAsync(string tenant, string experiment, ExperimentStatus status);

    /// <summary>Replaces the serving rules the change names (gates, default arm, holdout, exploration floor).</summary>
    Task<ExperimentView> ChangeServingRulesAsync(string tenant, string experiment, ServingRulesChange change);

    /// <summary>Changes status, policy params, arm metadata or the winner rule, all or nothing, as one new version.</summary>
    /// <exception cref="BanditsException">NotFound; Validation of any field, and then nothing changed.</exception>
    Task<ExperimentView> ChangeExperimentAsync(string tenant, string experiment, ExperimentChange change);

    /// <summary>Forgets what the experiment learned and starts a new incarnation with the same arms and settings: its earlier tokens are refused (ExperimentReplaced).</summary>
    Task<ExperimentView> ResetExperimentAsync(string tenant, string experiment);

    /// <summary>The control actions on the experiment id, oldest first (the most recent 1,000), also after it was deleted.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenant, string experiment);

    Task DeleteExperimentAsync(string tenant, string experiment);

    Task<ExperimentView> AddArmAsync(string tenant, string experiment, string armId);

    Task RetireArmAsync(string tenant, string experiment, string armId);

    Task<SelectResult> SelectAsync(string tenant, string experiment, SelectRequest? request = null);

    Task<FeedbackAccepted> FeedbackAsync(string tenant, FeedbackRequest feedback);

    Task<ExperimentStats> GetStatsAsync(string tenant, string experiment);

    /// <summary>A page of the experiment's decision log with outcomes, oldest first; pass the page's <c>Next</c> as <paramref name="after"/>.</summary>
    Task<DecisionEventPage> GetEventsAsync(string tenant, string experiment, string? after = null, int limit = 1000);

    /// <summary>What <paramref name="request"/>'s policy would have earned on the experiment's logged decisions, beside what was earned (off-policy evaluation, on the silo).</summary>
    /// <exception cref="BanditsException">NotFound; Validation of the policy or estimators; NotEvaluable when too few decisions have a propensity and a reward.</exception>
    Task<EvaluationReport> EvaluateAsync(string tenant, string experiment, EvaluationRequest request);

    /// <summary>Up to <paramref name="limit"/> of the tenant's experiments after the id <paramref name="after"/> (from the first when <c>null</c>), ordered by id; pass the page's <c>Next</c> as <paramref name="after"/>.</summary>
    /// <exception cref="BanditsException">Validation when <paramref name="limit"/> is outside 1 to <see cref="ExperimentIndexPage.MaxLimit"/> or <paramref name="after"/> is not an id.</exception>
    Task<ExperimentPage> ListExperimentsAsync(string tenant, string? after = null, int limit = ExperimentIndexPage.DefaultLimit);

    Task CreateTenantAsync(string tenant);

    /// <summary>Issues an API key for the tenant; the returned key is the only copy.</summary>
    Task<IssuedApiKey> IssueApiKeyAsync(string tenant, string name);

    Task RevokeApiKeyAsync(string tenant, string keyId);

    /// <summary>The policies the platform offers, as its silos describe them.</summary>
    Task<IReadOnlyList<PolicyInfo>> ListPoliciesAsync();

    /// <summary>The stored record of a key id (hash only), or <c>null</c> if never issued.</summary>
    Task<ApiKeyRecord?> DescribeApiKeyAsync(string keyId);
}
