using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class SelectAndFeedbackTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>
{
    private static readonly TimeSpan TrainingLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_token_from_select_takes_feedback_that_is_learned_once()
    {
        var id = LiveApiFixture.NewId("round");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red", "--arm", "blue"));

        var selection = CliAssert.Json(await api.RunAsync("select", id, "--exclude", "red", "--json"));
        Assert.Equal("blue", selection.GetProperty("arm").GetString());
        var token = selection.GetProperty("token").GetString()!;

        var accepted = CliAssert.Json(await api.RunAsync("feedback", token, "--reward", "1", "--event-id", "click-1", "--json"));
        Assert.Equal("click-1", accepted.GetProperty("eventId").GetString());
        var again = await api.RunAsync("feedback", token, "--reward", "1", "--event-id", "click-1");
        CliAssert.Succeeded(again);
        Assert.Contains("click-1", again.Output);

        var stats = await Eventually.Until(
            async () => CliAssert.Json(await api.RunAsync("stats", id, "--json")),
            s => s.GetProperty("trainedEvents").GetInt64() >= 1,
            TrainingLimit,
            "the feedback to be trained");
        var blue = stats.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "blue");
        Assert.Equal(1, blue.GetProperty("count").GetInt64());
        Assert.Equal(1.0, blue.GetProperty("rewardSum").GetDouble());
    }

    [Fact]
    public async Task Select_shows_the_arm_and_the_token_for_people()
    {
        var id = LiveApiFixture.NewId("human");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "only"));

        var run = await api.RunAsync("select", id);

        CliAssert.Succeeded(run);
        Assert.Contains("arm: only", run.Output);
        Assert.Matches("token: [^–\\s]+", run.Output);
    }

    [Fact]
    public async Task A_contextual_experiment_takes_the_context_option()
    {
        var id = LiveApiFixture.NewId("ctx");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--policy", "lin-ucb", "--context-dimension", "2", "--arm", "a", "--arm", "b"));

        var selection = CliAssert.Json(await api.RunAsync("select", id, "--context", "0.1,0.9", "--json"));

        Assert.Contains(selection.GetProperty("arm").GetString(), new[] { "a", "b" });
        CliAssert.FailedWith(await api.RunAsync("select", id, "--context", "0.1"), ExitCodes.Usage, "(HTTP 400 validation)");
        CliAssert.FailedWith(await api.RunAsync("select", id, "--context", "0.1,x"), ExitCodes.Usage, "--context");
    }

    [Fact]
    public async Task Select_on_an_unknown_experiment_is_not_found()
    {
        CliAssert.FailedWith(await api.RunAsync("select", LiveApiFixture.NewId("none")), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task Excluding_every_arm_is_a_conflict()
    {
        var id = LiveApiFixture.NewId("noarm");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a"));

        CliAssert.FailedWith(await api.RunAsync("select", id, "--exclude", "a"), ExitCodes.Rejected, "(HTTP 409 no-arm-available)");
    }

    [Fact]
    public async Task A_forged_token_is_refused_with_exit_code_2()
    {
        CliAssert.FailedWith(await api.RunAsync("feedback", "not-a-token", "--reward", "1"), ExitCodes.Usage, "(HTTP 400 invalid-token)");
    }

    [Fact]
    public async Task Feedback_without_a_reward_is_a_usage_error()
    {
        var run = await api.RunAsync("feedback", "some-token");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--reward", run.Error);
    }
}
