using Orleans.Bandits.Contracts;

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

    public Task DeleteExperimentAsync(string tenant, string experiment) => Experiment(tenant, experiment).Delete();

    public Task<ExperimentView> AddArmAsync(string tenant, string experiment, string armId) => Experiment(tenant, experiment).AddArm(armId);

    public Task RetireArmAsync(string tenant, string experiment, string armId) => Experiment(tenant, experiment).RetireArm(armId);

    public Task<SelectResult> SelectAsync(string tenant, string experiment, SelectRequest? request = null) =>
        KeyedGrains.Get<ISelectorGrain>(grains, Key(tenant, experiment)).Select(request ?? new SelectRequest());

    public Task<FeedbackAccepted> FeedbackAsync(string tenant, FeedbackRequest feedback)
    {
        ValidId("tenant", tenant);
        return Feedback.Submit(tenant, feedback);
    }

    public Task<ExperimentStats> GetStatsAsync(string tenant, string experiment) => Experiment(tenant, experiment).GetStats();

    public async Task<IReadOnlyList<ExperimentView>> ListExperimentsAsync(string tenant)
    {
        ValidId("tenant", tenant);
        var names = await grains.GetGrain<ITenantGrain>(tenant).ListExperiments();
        var views = await Task.WhenAll(names.Select(async name =>
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
        return views.OfType<ExperimentView>().ToList();
    }

    public Task CreateTenantAsync(string tenant)
    {
        ValidId("id", tenant);
        return grains.GetGrain<ITenantGrain>(tenant).Create();
    }

    public Task<IssuedApiKey> IssueApiKeyAsync(string tenant, string name)
    {
        ValidId("tenant", tenant);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            throw BanditsException.Invalid("name", "name is required, at most 128 characters.");
        }

        return grains.GetGrain<ITenantGrain>(tenant).IssueKey(name);
    }

    public Task RevokeApiKeyAsync(string tenant, string keyId)
    {
        ValidId("tenant", tenant);
        return grains.GetGrain<ITenantGrain>(tenant).RevokeKey(keyId);
    }

    public Task<ApiKeyRecord?> DescribeApiKeyAsync(string keyId) => grains.GetGrain<IApiKeyGrain>(keyId).Describe();

    /// <summary>One stateless worker id for all intake (Orleans routes each call to a local activation), resolved once.</summary>
    private IFeedbackGrain Feedback => _feedback ??= grains.GetGrain<IFeedbackGrain>(0);

    private IExperimentGrain Experiment(string tenant, string experiment) => grains.GetGrain<IExperimentGrain>(Key(tenant, experiment));

    private static string Key(string tenant, string experiment)
    {
        ValidId("tenant", tenant);
        ValidId("id", experiment);
        return new ExperimentId(tenant, experiment).Key;
    }

    private static void ValidId(string field, string value)
    {
        if (!ExperimentId.IsValidId(value))
        {
            throw BanditsException.Invalid(field, $"'{value}' is not a valid id: ids match ^[a-z0-9][a-z0-9._-]{{0,63}}$.");
        }
    }
}
