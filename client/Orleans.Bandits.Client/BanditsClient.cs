namespace Orleans.Bandits.Client;

/// <summary>
/// <see cref="IBanditsClient"/> over any grain factory: an Orleans client in a web app, or the
/// silo's own factory when the app is co-hosted (selection then runs on the local replica).
/// </summary>
public sealed class BanditsClient(IGrainFactory grains) : IBanditsClient
{
    private IFeedbackGrain? _feedback;

    public Task<ExperimentView> CreateExperimentAsync(string tenant, string experiment, ExperimentDefinition definition) =>
        Experiment(tenant, experiment).Create(definition);

    public Task<ExperimentView> GetExperimentAsync(string tenant, string experiment) => Experiment(tenant, experiment).Get();

    public Task<ExperimentView> SetStatusAsync(string tenant, string experiment, ExperimentStatus status) =>
        Experiment(tenant, experiment).SetStatus(status);

    public Task<ExperimentView> ChangeServingRulesAsync(string tenant, string experiment, ServingRulesChange change) =>
        Experiment(tenant, experiment).ChangeServingRules(change);

    public Task<ExperimentView> ChangeExperimentAsync(string tenant, string experiment, ExperimentChange change) =>
        Experiment(tenant, experiment).Change(change);

    public Task<ExperimentView> ResetExperimentAsync(string tenant, string experiment) => Experiment(tenant, experiment).Reset();

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenant, string experiment) => Experiment(tenant, experiment).GetAudit();

    public Task DeleteExperimentAsync(string tenant, string experiment) => Experiment(tenant, experiment).Delete();

    public Task<ExperimentView> AddArmAsync(string tenant, string experiment, string armId) => Experiment(tenant, experiment).AddArm(armId);

    public Task RetireArmAsync(string tenant, string experiment, string armId) => Experiment(tenant, experiment).RetireArm(armId);

    public Task<SelectResult> SelectAsync(string tenant, string experiment, SelectRequest? request = null) =>
        KeyedGrains.Get<ISelectorGrain>(grains, Key(tenant, experiment)).Select(request ?? new SelectRequest());

    public Task<FeedbackAccepted> FeedbackAsync(string tenant, FeedbackRequest feedback) =>
        Feedback.Submit(ExperimentId.RequireValidId("tenant", tenant), feedback);

    public Task<ExperimentStats> GetStatsAsync(string tenant, string experiment) => Experiment(tenant, experiment).GetStats();

    public Task<DecisionEventPage> GetEventsAsync(string tenant, string experiment, string? after = null, int limit = 1000) =>
        Experiment(tenant, experiment).GetEvents(after, limit);

    public Task<EvaluationReport> EvaluateAsync(string tenant, string experiment, EvaluationRequest request) =>
        grains.GetGrain<IEvaluationGrain>(0).Evaluate(Key(tenant, experiment), request);

    public async Task<ExperimentPage> ListExperimentsAsync(string tenant, string? after = null, int limit = ExperimentIndexPage.DefaultLimit)
    {
        var page = await grains.GetGrain<ITenantGrain>(ExperimentId.RequireValidId("tenant", tenant)).ListExperiments(after, limit);
        var views = await Task.WhenAll(page.Names.Select(async name =>
        {
            try
            {
                return await Experiment(tenant, name).Get();
            }
            catch (BanditsException e) when (e.Kind == BanditsErrorKind.NotFound)
            {
                return null;
            }
        }));
        return new ExperimentPage(views.OfType<ExperimentView>().ToList(), page.Next);
    }

    public Task CreateTenantAsync(string tenant) => grains.GetGrain<ITenantGrain>(ExperimentId.RequireValidId("id", tenant)).Create();

    public Task<IssuedApiKey> IssueApiKeyAsync(string tenant, string name)
    {
        ExperimentId.RequireValidId("tenant", tenant);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            throw BanditsException.Invalid("name", "name is required, at most 128 characters.");
        }

        return grains.GetGrain<ITenantGrain>(tenant).IssueKey(name);
    }

    public Task RevokeApiKeyAsync(string tenant, string keyId) =>
        grains.GetGrain<ITenantGrain>(ExperimentId.RequireValidId("tenant", tenant)).RevokeKey(keyId);

    public Task<IReadOnlyList<PolicyInfo>> ListPoliciesAsync() => grains.GetGrain<IPolicyCatalogueGrain>(0).List();

    public Task<ApiKeyRecord?> DescribeApiKeyAsync(string keyId) => grains.GetGrain<IApiKeyGrain>(keyId).Describe();

    /// <summary>One stateless worker id for all intake (Orleans routes each call to a local activation), resolved once.</summary>
    private IFeedbackGrain Feedback => _feedback ??= grains.GetGrain<IFeedbackGrain>(0);

    private IExperimentGrain Experiment(string tenant, string experiment) => grains.GetGrain<IExperimentGrain>(Key(tenant, experiment));

    private static string Key(string tenant, string experiment) => ExperimentId.Of(tenant, experiment).Key;
}
