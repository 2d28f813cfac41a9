using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Contracts.Decisions;
using Orleans.Bandits.Contracts.Experiments;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Http.Auth;
using Orleans.Bandits.Primitives.Decisions;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Bandits:Decisions:RetentionDays: decisions older than it leave the log with their outcomes, and a silo refuses a retention that is none.</summary>
public sealed class DecisionRetentionTests(RetentionSiloFixture fixture) : IClassFixture<RetentionSiloFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Decisions_past_the_retention_leave_the_log_with_their_outcomes_and_stay_counted()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "expiring", arms = new[] { new { id = "a" }, new { id = "b" } } });
        var token = await Select();
        await Select();
        var feedback = await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1.0 });
        Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
        var rewarded = (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!;
        await Eventually.Until(
            async () => await Http.GetFromJsonAsync<JsonElement>("/v1/experiments/expiring/stats"),
            s => s.GetProperty("decisions").GetInt64() == 2,
            TimeSpan.FromSeconds(30),
            "both decisions recorded");

        await Eventually.Until(Events, e => e.Count == 0, RetentionSiloFixture.Retention + TimeSpan.FromSeconds(30), "both decisions dropped");

        var store = fixture.Services.GetRequiredService<IDecisionStore>();
        var outcomes = await store.GetOutcomesAsync(DecisionLogKey.For(ExperimentId.Of(Tenancy.DefaultTenant, "expiring").Key, 0), [rewarded]);
        Assert.Null(Assert.Single(outcomes));
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonElement>("/v1/experiments/expiring/stats")).GetProperty("decisions").GetInt64());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3651")]
    public async Task A_silo_refuses_to_start_with_a_retention_that_is_not_a_positive_number_of_days(string days)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ApiHost.StartAsync(new Dictionary<string, string> { ["Bandits:Decisions:RetentionDays"] = days }));

        Assert.Contains("RetentionDays", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("60001")]
    public async Task A_silo_refuses_to_start_with_a_gather_time_out_of_range(string milliseconds)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ApiHost.StartAsync(new Dictionary<string, string> { ["Bandits:Decisions:GatherMilliseconds"] = milliseconds }));

        Assert.Contains("GatherMilliseconds", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> Select()
    {
        var response = await Http.PostAsJsonAsync("/v1/experiments/expiring/select", new { });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<List<DecisionEvent>> Events() =>
        [.. (await Http.GetFromJsonAsync<DecisionEventPage>("/v1/experiments/expiring/events?limit=10000", Web))!.Items];
}
