using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits keys</c>: issue and revoke a tenant's API keys (with the admin key as --api-key).</summary>
public static class KeysCommand
{
    public static Command Create() => new("keys", "Issue and revoke a tenant's API keys (admin key).")
    {
        Issue(),
        Revoke(),
    };

    private static Command Issue()
    {
        var tenant = ManagementArguments.Tenant();
        var name = new Option<string>("--name")
        {
            Description = "What the key is for, e.g. web.",
            Required = true,
        };
        var command = new Command("create", "Issue an API key for a tenant; the key is shown this once.") { tenant, name };
        return command.WithApiAction(async call =>
        {
            var body = await call.Api.SendAsync(HttpMethod.Post, $"v1/tenants/{Uri.EscapeDataString(call.GetValue(tenant))}/keys", new JsonObject { ["name"] = call.GetValue(name) }, call.CancellationToken);
            call.Show<IssuedKeyModel>(body, (console, issued) =>
            {
                console.WriteLine($"id: {issued.Id}");
                console.WriteLine($"key: {issued.Key}");
                console.WriteLine("The key is shown only now; the platform keeps its hash.");
            });
        });
    }

    private static Command Revoke()
    {
        var tenant = ManagementArguments.Tenant();
        var keyId = new Argument<string>("key-id") { Description = "The key's id (from keys create)." };
        var command = new Command("revoke", "Revoke an API key: refused cluster-wide within seconds.") { tenant, keyId };
        return command.WithApiAction(async call =>
        {
            await call.Api.SendAsync(HttpMethod.Delete, $"v1/tenants/{Uri.EscapeDataString(call.GetValue(tenant))}/keys/{Uri.EscapeDataString(call.GetValue(keyId))}", null, call.CancellationToken);
            call.Confirm($"Revoked key '{call.GetValue(keyId)}' of tenant '{call.GetValue(tenant)}'.");
        });
    }
}
