using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits experiments</c>: list, create, show, pause, resume, reset, audit and delete experiments over the HTTP API.</summary>
public static class ExperimentsCommand
{
    /// <summary>The API's largest page: listing everything takes the fewest round trips.</summary>
    public const int MaxPageSize = 1000;

    public static Command Create() => new("experiments", "Manage experiments: list, create, show, pause, resume, reset, audit, delete.")
    {
        List(),
        CreateExperimentCommand.Create(),
        Show(),
        SetStatus("pause", "paused", "Pause an experiment: select answers with its first arm and no token until it is resumed."),
        SetStatus("resume", "running", "Resume a paused experiment."),
        Reset(),
        Audit(),
        Delete(),
    };

    private static Command List()
    {
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Experiments per request (1-{MaxPageSize}); every page is fetched, following the API's 'next'.",
            DefaultValueFactory = _ => MaxPageSize,
        };
        var command = new Command("list", "List every experiment of the key's tenant.") { pageSize };
        return command.WithApiAction(async call =>
        {
            var size = call.GetValue(pageSize);
            if (size is < 1 or > MaxPageSize)
            {
                throw new UsageException("--page-size", $"--page-size must be 1-{MaxPageSize} (got {size}).");
            }

            var items = new List<JsonElement>();
            string? after = null;
            do
            {
                var query = $"v1/experiments?limit={size.ToString(CultureInfo.InvariantCulture)}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
                var page = ApiClient.Read<ExperimentPageModel>(await call.Api.GetAsync(query, call.CancellationToken));
                items.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);

            if (call.Json)
            {
                // One document for all pages: the API's items, each unchanged, and no cursor since nothing is left.
                call.Output.WriteLine($"{{\"items\":[{string.Join(',', items.Select(i => i.GetRawText()))}]}}");
                return;
            }

            ExperimentTables.WriteList(call.Console, items.Select(i => i.Deserialize<ExperimentModel>(ApiClient.Json)!).ToList());
        });
    }

    private static Command Show()
    {
        var id = ManagementArguments.Experiment();
        var command = new Command("show", "Show an experiment: policy and parameters, arms, settings, version.") { id };
        return command.WithApiAction(async call =>
            call.Show<ExperimentModel>(await call.Api.GetAsync(ApiClient.Experiment(call.GetValue(id)), call.CancellationToken), ExperimentTables.WriteOne));
    }

    private static Command SetStatus(string name, string status, string description)
    {
        var id = ManagementArguments.Experiment();
        var command = new Command(name, description) { id };
        return command.WithApiAction(async call =>
        {
            var body = await call.Api.SendAsync(HttpMethod.Patch, ApiClient.Experiment(call.GetValue(id)), new JsonObject { ["status"] = status }, call.CancellationToken);
            call.Show<ExperimentModel>(body, ExperimentTables.WriteOne);
        });
    }

    private static Command Reset()
    {
        var id = ManagementArguments.Experiment();
        var command = new Command("reset", "Forget what an experiment learned, keeping its arms and settings; its earlier tokens are refused from then on.") { id };
        return command.WithApiAction(async call =>
            call.Show<ExperimentModel>(await call.Api.SendAsync(HttpMethod.Post, ApiClient.Experiment(call.GetValue(id)) + "/reset", null, call.CancellationToken), ExperimentTables.WriteOne));
    }

    private static Command Audit()
    {
        var id = ManagementArguments.Experiment();
        var command = new Command("audit", "List the control actions on an experiment id, oldest first: when, by which key, what changed.") { id };
        return command.WithApiAction(async call =>
            call.Show<AuditModel>(await call.Api.GetAsync(ApiClient.Experiment(call.GetValue(id)) + "/audit", call.CancellationToken), ExperimentTables.WriteAudit));
    }

    private static Command Delete()
    {
        var id = ManagementArguments.Experiment();
        var command = new Command("delete", "Delete an experiment; its tokens are refused from then on.") { id };
        return command.WithApiAction(async call =>
        {
            await call.Api.SendAsync(HttpMethod.Delete, ApiClient.Experiment(call.GetValue(id)), null, call.CancellationToken);
            call.Confirm($"Deleted experiment '{call.GetValue(id)}'.");
        });
    }
}
