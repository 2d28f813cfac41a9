using System.CommandLine;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits policies</c>: the platform's policy catalogue, with each policy's parameters and defaults.</summary>
public static class PoliciesCommand
{
    public static Command Create() =>
        new Command("policies", "List the policies the platform offers, their parameters and defaults.")
            .WithApiAction(async call => call.Show<PolicyCatalogueModel>(await call.Api.GetAsync("v1/policies", call.CancellationToken), PolicyCatalogueTable.Write));
}
