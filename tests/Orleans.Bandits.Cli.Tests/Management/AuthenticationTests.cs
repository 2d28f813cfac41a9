using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class AuthenticationTests(AuthenticatedApiFixture api) : IClassFixture<AuthenticatedApiFixture>
{
    private static readonly TimeSpan RevocationLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_admin_makes_a_tenant_and_a_key_that_manages_the_tenants_experiments_until_revoked()
    {
        var tenant = LiveApiFixture.NewId("tenant");
        var created = CliAssert.Json(await api.RunAsync("tenants", "create", tenant, "--api-key", AuthenticatedApiFixture.AdminKey, "--json"));
        Assert.Equal(tenant, created.GetProperty("id").GetString());
        var issued = CliAssert.Json(await api.RunAsync("keys", "create", tenant, "--name", "cli", "--api-key", AuthenticatedApiFixture.AdminKey, "--json"));
        var key = issued.GetProperty("key").GetString()!;
        var keyId = issued.GetProperty("id").GetString()!;

        var experiment = LiveApiFixture.NewId("owned");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", experiment, "--arm", "a", "--api-key", key));
        var listed = CliAssert.Json(await api.RunAsync("experiments", "list", "--api-key", key, "--json"));
        Assert.Equal([experiment], listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));

        var revoked = await api.RunAsync("keys", "revoke", tenant, keyId, "--api-key", AuthenticatedApiFixture.AdminKey);
        CliAssert.Succeeded(revoked);
        Assert.Contains(keyId, revoked.Output);
        var refused = await Eventually.Until(
            () => api.RunAsync("experiments", "list", "--api-key", key),
            run => run.ExitCode != ExitCodes.Success,
            RevocationLimit,
            "the revoked key to be refused");
        CliAssert.FailedWith(refused, ExitCodes.Denied, "(HTTP 401 unauthorized)");
    }

    [Fact]
    public async Task Keys_create_shows_the_key_once_for_people()
    {
        var tenant = LiveApiFixture.NewId("tenant");
        CliAssert.Succeeded(await api.RunAsync("tenants", "create", tenant, "--api-key", AuthenticatedApiFixture.AdminKey));

        var run = await api.RunAsync("keys", "create", tenant, "--name", "web", "--api-key", AuthenticatedApiFixture.AdminKey);

        CliAssert.Succeeded(run);
        Assert.Matches("key: \\S{16,}", run.Output);
    }

    [Fact]
    public async Task No_key_or_a_wrong_key_is_one_line_and_exit_code_5()
    {
        CliAssert.FailedWith(await api.RunAsync("experiments", "list"), ExitCodes.Denied, "(HTTP 401 unauthorized)");
        CliAssert.FailedWith(await api.RunAsync("policies", "--api-key", "bk_0123456789abcdef_wrong"), ExitCodes.Denied, "(HTTP 401 unauthorized)");
    }

    [Fact]
    public async Task A_tenant_key_cannot_do_admin_work()
    {
        var tenant = LiveApiFixture.NewId("tenant");
        CliAssert.Succeeded(await api.RunAsync("tenants", "create", tenant, "--api-key", AuthenticatedApiFixture.AdminKey));
        var key = CliAssert.Json(await api.RunAsync("keys", "create", tenant, "--name", "cli", "--api-key", AuthenticatedApiFixture.AdminKey, "--json")).GetProperty("key").GetString()!;

        CliAssert.FailedWith(await api.RunAsync("tenants", "create", LiveApiFixture.NewId("sneaky"), "--api-key", key), ExitCodes.Denied, "(HTTP 403 forbidden)");
    }

    [Fact]
    public async Task Tenant_and_key_mistakes_are_refusals_with_exit_code_3()
    {
        var tenant = LiveApiFixture.NewId("tenant");
        CliAssert.Succeeded(await api.RunAsync("tenants", "create", tenant, "--api-key", AuthenticatedApiFixture.AdminKey));

        CliAssert.FailedWith(await api.RunAsync("tenants", "create", tenant, "--api-key", AuthenticatedApiFixture.AdminKey), ExitCodes.Rejected, "(HTTP 409 conflict)");
        CliAssert.FailedWith(await api.RunAsync("keys", "create", LiveApiFixture.NewId("nobody"), "--name", "web", "--api-key", AuthenticatedApiFixture.AdminKey), ExitCodes.Rejected, "(HTTP 404 not-found)");
        CliAssert.FailedWith(await api.RunAsync("keys", "revoke", tenant, "no-such-key", "--api-key", AuthenticatedApiFixture.AdminKey), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }
}
