namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class ArmsCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>
{
    [Fact]
    public async Task Add_and_retire_change_the_selectable_arms()
    {
        var id = LiveApiFixture.NewId("arms");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red"));

        var added = CliAssert.Json(await api.RunAsync("arms", "add", id, "green", "--json"));
        Assert.Equal(["red", "green"], added.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        var retired = await api.RunAsync("arms", "retire", id, "red");
        CliAssert.Succeeded(retired);
        Assert.Contains("red", retired.Output);

        var shown = CliAssert.Json(await api.RunAsync("experiments", "show", id, "--json"));
        Assert.Equal(["green"], shown.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(["red"], shown.GetProperty("retiredArms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Adding_an_existing_arm_is_a_conflict()
    {
        var id = LiveApiFixture.NewId("armdup");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red"));

        CliAssert.FailedWith(await api.RunAsync("arms", "add", id, "red"), ExitCodes.Rejected, "(HTTP 409 conflict)");
    }

    [Fact]
    public async Task Retiring_an_unknown_arm_is_not_found()
    {
        var id = LiveApiFixture.NewId("armgone");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red"));

        CliAssert.FailedWith(await api.RunAsync("arms", "retire", id, "blue"), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task Adding_to_an_unknown_experiment_is_not_found()
    {
        CliAssert.FailedWith(await api.RunAsync("arms", "add", LiveApiFixture.NewId("none"), "red"), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }
}
