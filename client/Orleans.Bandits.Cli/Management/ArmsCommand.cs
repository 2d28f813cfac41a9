using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits arms</c>: add an arm to an experiment, or retire one (never selected again; its outstanding tokens still count).</summary>
public static class ArmsCommand
{
    public static Command Create() => new("arms", "Add or retire an experiment's arms.")
    {
        Add(),
        Retire(),
    };

    private static Command Add()
    {
        var id = ManagementArguments.Experiment();
        var arm = ManagementArguments.Arm();
        var command = new Command("add", "Add an arm to an experiment.") { id, arm };
        return command.WithApiAction(async call =>
        {
            var body = await call.Api.SendAsync(HttpMethod.Post, ApiClient.Experiment(call.GetValue(id), "/arms"), new JsonObject { ["id"] = call.GetValue(arm) }, call.CancellationToken);
            call.Show<ExperimentModel>(body, ExperimentTables.WriteOne);
        });
    }

    private static Command Retire()
    {
        var id = ManagementArguments.Experiment();
        var arm = ManagementArguments.Arm();
        var command = new Command("retire", "Retire an arm: it is never selected again; feedback for its outstanding tokens still counts.") { id, arm };
        return command.WithApiAction(async call =>
        {
            await call.Api.SendAsync(HttpMethod.Delete, ApiClient.Experiment(call.GetValue(id), $"/arms/{Uri.EscapeDataString(call.GetValue(arm))}"), null, call.CancellationToken);
            call.Confirm($"Retired arm '{call.GetValue(arm)}' of experiment '{call.GetValue(id)}'.");
        });
    }
}
