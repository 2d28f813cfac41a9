using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits tenants create</c>: a new tenant (with the admin key as --api-key).</summary>
public static class TenantsCommand
{
    public static Command Create()
    {
        var tenant = ManagementArguments.Tenant();
        var create = new Command("create", "Create a tenant (admin key).") { tenant };
        create.WithApiAction(async call =>
        {
            var body = await call.Api.SendAsync(HttpMethod.Post, "v1/tenants", new JsonObject { ["id"] = call.GetValue(tenant) }, call.CancellationToken);
            call.Show<TenantModel>(body, (console, created) => console.WriteLine($"Created tenant '{created.Id}'."));
        });
        return new Command("tenants", "Manage tenants (admin key).") { create };
    }
}
