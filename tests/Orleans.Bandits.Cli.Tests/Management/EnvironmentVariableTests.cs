using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Tests.Commands;

namespace Orleans.Bandits.Cli.Tests.Management;

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentVariableTests(AuthenticatedApiFixture api) : IClassFixture<AuthenticatedApiFixture>, IDisposable
{
    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ConnectionOptions.UrlVariable, null);
        Environment.SetEnvironmentVariable(ConnectionOptions.ApiKeyVariable, null);
    }

    [Fact]
    public async Task Url_and_key_come_from_the_environment_when_not_given()
    {
        Environment.SetEnvironmentVariable(ConnectionOptions.UrlVariable, api.Url);
        Environment.SetEnvironmentVariable(ConnectionOptions.ApiKeyVariable, AuthenticatedApiFixture.AdminKey);
        var tenant = LiveApiFixture.NewId("env");

        CliAssert.Succeeded(await CliRun.InvokeAsync("tenants", "create", tenant));

        // The options win over the environment.
        CliAssert.FailedWith(await CliRun.InvokeAsync("tenants", "create", LiveApiFixture.NewId("env"), "--api-key", "wrong"), ExitCodes.Denied, "(HTTP 401 unauthorized)");
        CliAssert.FailedWith(await CliRun.InvokeAsync("tenants", "create", LiveApiFixture.NewId("env"), "--url", UnreachableApi.Url), ExitCodes.Unavailable, "(unreachable)");
    }
}
