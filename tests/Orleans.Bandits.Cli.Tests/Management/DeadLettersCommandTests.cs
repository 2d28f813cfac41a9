using System.Text.Json;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>
/// <c>bandits dead-letters</c> against a local-mode silo, whose memory streams give up on nothing: the list is empty,
/// an unknown letter is refused with its status's exit code, and it is the admin's command only. Letters that exist are
/// listed, replayed and learned once in Redis.Tests (DeadLetterReplayTests).
/// </summary>
public sealed class DeadLettersCommandTests(AuthenticatedApiFixture api) : IClassFixture<AuthenticatedApiFixture>
{
    private const string Admin = AuthenticatedApiFixture.AdminKey;

    [Fact]
    public async Task The_admin_lists_no_letters_in_local_mode_as_a_table_or_as_the_api_json()
    {
        var table = await api.RunAsync("dead-letters", "list", "--api-key", Admin);
        CliAssert.Succeeded(table);
        Assert.Contains("0 dead letter(s)", table.Output);

        var json = CliAssert.Json(await api.RunAsync("dead-letters", "list", "--limit", "10", "--api-key", Admin, "--json"));
        Assert.Empty(json.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task An_unknown_letter_is_exit_3_a_malformed_id_or_limit_exit_2_and_a_tenant_key_exit_5()
    {
        CliAssert.FailedWith(await api.RunAsync("dead-letters", "replay", "1-0", "--api-key", Admin), ExitCodes.Rejected, "(HTTP 404 not-found)");
        CliAssert.FailedWith(await api.RunAsync("dead-letters", "delete", "1-0", "--api-key", Admin), ExitCodes.Rejected, "(HTTP 404 not-found)");
        CliAssert.FailedWith(await api.RunAsync("dead-letters", "replay", "not-an-id", "--api-key", Admin), ExitCodes.Usage, "(HTTP 400 validation)");
        CliAssert.FailedWith(await api.RunAsync("dead-letters", "list", "--limit", "0", "--api-key", Admin), ExitCodes.Usage, "--limit must be 1-1000");

        var tenant = LiveApiFixture.NewId("tenant");
        CliAssert.Succeeded(await api.RunAsync("tenants", "create", tenant, "--api-key", Admin));
        var key = CliAssert.Json(await api.RunAsync("keys", "create", tenant, "--name", "cli", "--api-key", Admin, "--json")).GetProperty("key").GetString()!;
        CliAssert.FailedWith(await api.RunAsync("dead-letters", "list", "--api-key", key), ExitCodes.Denied, "(HTTP 403 forbidden)");
    }
}
