using System.Collections.Concurrent;
using Orleans.Bandits.Client;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>
/// A platform that always offers the first arm not excluded, in the order given, and accepts every
/// report: a test then knows which server the load balancer is offered, so only the load balancer's
/// own exclusions decide where a request goes. Everything else is not needed and refuses loudly.
/// </summary>
public sealed class FirstFreeArmPlatform(params string[] arms) : IBanditsClient
{
    public ConcurrentQueue<FeedbackRequest> Reports { get; } = new();

    public Task<SelectResult> SelectAsync(string tenant, string experiment, SelectRequest? request = null)
    {
        var exclude = request?.Exclude ?? [];
        var arm = arms.FirstOrDefault(a => !exclude.Contains(a))
            ?? throw new BanditsException(BanditsErrorKind.NoArmAvailable, "every arm is excluded");
        return Task.FromResult(new SelectResult(arm, $"token-{arm}", 1, 1));
    }

    public Task<FeedbackAccepted> FeedbackAsync(string tenant, FeedbackRequest feedback)
    {
        Reports.Enqueue(feedback);
        return Task.FromResult(new FeedbackAccepted(Guid.NewGuid().ToString("N")));
    }

    public Task<ExperimentStats> GetStatsAsync(string tenant, string experiment) => throw new NotSupportedException();

    public Task<DecisionEventPage> GetEventsAsync(string tenant, string experiment, string? after = null, int limit = 1000) => throw new NotSupportedException();

    public Task<EvaluationReport> EvaluateAsync(string tenant, string experiment, EvaluationRequest request) => throw new NotSupportedException();

    public Task<ExperimentView> CreateExperimentAsync(string tenant, string experiment, ExperimentDefinition definition) => throw new NotSupportedException();

    public Task<ExperimentView> GetExperimentAsync(string tenant, string experiment) => throw new NotSupportedException();

    public Task<ExperimentView> SetStatusAsync(string tenant, string experiment, ExperimentStatus status) => throw new NotSupportedException();

    public Task<ExperimentView> ChangeServingRulesAsync(string tenant, string experiment, ServingRulesChange change) => throw new NotSupportedException();

    public Task<ExperimentView> ChangeExperimentAsync(string tenant, string experiment, ExperimentChange change) => throw new NotSupportedException();

    public Task<ExperimentView> ResetExperimentAsync(string tenant, string experiment) => throw new NotSupportedException();

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenant, string experiment) => throw new NotSupportedException();

    public Task DeleteExperimentAsync(string tenant, string experiment) => throw new NotSupportedException();

    public Task<ExperimentView> AddArmAsync(string tenant, string experiment, string armId) => throw new NotSupportedException();

    public Task RetireArmAsync(string tenant, string experiment, string armId) => throw new NotSupportedException();

    public Task<ExperimentPage> ListExperimentsAsync(string tenant, string? after = null, int limit = ExperimentIndexPage.DefaultLimit) => throw new NotSupportedException();

    public Task<IReadOnlyList<PolicyInfo>> ListPoliciesAsync() => throw new NotSupportedException();

    public Task CreateTenantAsync(string tenant) => throw new NotSupportedException();

    public Task<IssuedApiKey> IssueApiKeyAsync(string tenant, string name) => throw new NotSupportedException();

    public Task RevokeApiKeyAsync(string tenant, string keyId) => throw new NotSupportedException();

    public Task<ApiKeyRecord?> DescribeApiKeyAsync(string keyId) => throw new NotSupportedException();
}
