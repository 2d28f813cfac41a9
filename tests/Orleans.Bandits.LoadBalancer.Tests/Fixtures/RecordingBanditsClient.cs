using System.Collections.Concurrent;
using Orleans.Bandits.Client;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>The platform client as it is, remembering every select request, so a test sees what the load balancer asked for.</summary>
public sealed class RecordingBanditsClient(IBanditsClient inner) : IBanditsClient
{
    public ConcurrentQueue<SelectRequest?> Selects { get; } = new();

    public Task<SelectResult> SelectAsync(string tenant, string experiment, SelectRequest? request = null)
    {
        Selects.Enqueue(request);
        return inner.SelectAsync(tenant, experiment, request);
    }

    public Task<ExperimentView> CreateExperimentAsync(string tenant, string experiment, ExperimentDefinition definition) => inner.CreateExperimentAsync(tenant, experiment, definition);

    public Task<ExperimentView> GetExperimentAsync(string tenant, string experiment) => inner.GetExperimentAsync(tenant, experiment);

    public Task<ExperimentView> SetStatusAsync(string tenant, string experiment, ExperimentStatus status) => inner.SetStatusAsync(tenant, experiment, status);

    public Task<ExperimentView> ChangeServingRulesAsync(string tenant, string experiment, ServingRulesChange change) => inner.ChangeServingRulesAsync(tenant, experiment, change);

    public Task<ExperimentView> ChangeExperimentAsync(string tenant, string experiment, ExperimentChange change) => inner.ChangeExperimentAsync(tenant, experiment, change);

    public Task<ExperimentView> ResetExperimentAsync(string tenant, string experiment) => inner.ResetExperimentAsync(tenant, experiment);

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenant, string experiment) => inner.GetAuditAsync(tenant, experiment);

    public Task DeleteExperimentAsync(string tenant, string experiment) => inner.DeleteExperimentAsync(tenant, experiment);

    public Task<ExperimentView> AddArmAsync(string tenant, string experiment, string armId) => inner.AddArmAsync(tenant, experiment, armId);

    public Task RetireArmAsync(string tenant, string experiment, string armId) => inner.RetireArmAsync(tenant, experiment, armId);

    public Task<FeedbackAccepted> FeedbackAsync(string tenant, FeedbackRequest feedback) => inner.FeedbackAsync(tenant, feedback);

    public Task<ExperimentStats> GetStatsAsync(string tenant, string experiment) => inner.GetStatsAsync(tenant, experiment);

    public Task<DecisionEventPage> GetEventsAsync(string tenant, string experiment, string? after = null, int limit = 1000) => inner.GetEventsAsync(tenant, experiment, after, limit);

    public Task<EvaluationReport> EvaluateAsync(string tenant, string experiment, EvaluationRequest request) => inner.EvaluateAsync(tenant, experiment, request);

    public Task<ExperimentPage> ListExperimentsAsync(string tenant, string? after = null, int limit = ExperimentIndexPage.DefaultLimit) => inner.ListExperimentsAsync(tenant, after, limit);

    public Task<IReadOnlyList<PolicyInfo>> ListPoliciesAsync() => inner.ListPoliciesAsync();

    public Task CreateTenantAsync(string tenant) => inner.CreateTenantAsync(tenant);

    public Task<IssuedApiKey> IssueApiKeyAsync(string tenant, string name) => inner.IssueApiKeyAsync(tenant, name);

    public Task RevokeApiKeyAsync(string tenant, string keyId) => inner.RevokeApiKeyAsync(tenant, keyId);

    public Task<ApiKeyRecord?> DescribeApiKeyAsync(string keyId) => inner.DescribeApiKeyAsync(keyId);
}
