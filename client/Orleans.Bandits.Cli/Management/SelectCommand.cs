using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits select</c>: asks an experiment for an arm, as an application would, and shows the token for <c>bandits feedback</c>.</summary>
public static class SelectCommand
{
    public static Command Create()
    {
        var id = ManagementArguments.Experiment();
        var context = new Option<string?>("--context")
        {
            Description = "The context vector, comma-separated (required by contextual policies), e.g. 0.1,1,0.",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "An arm not to choose this time (repeatable).",
        };
        var exploration = new Option<double?>("--exploration")
        {
            Description = "Scales exploration for this call: 0 greedy, 1 the policy as configured, above 1 more.",
        };
        var command = new Command("select", "Select an arm of an experiment.") { id, context, exclude, exploration };
        return command.WithApiAction(async call =>
        {
            var request = new JsonObject();
            if (call.GetValue(context) is { } text)
            {
                request["context"] = new JsonArray([.. NumberList.Parse(text, "--context").Select(v => JsonValue.Create(v))]);
            }

            if (call.GetValue(exclude) is { Length: > 0 } excluded)
            {
                request["exclude"] = new JsonArray([.. excluded.Select(arm => JsonValue.Create(arm))]);
            }

            if (call.GetValue(exploration) is { } scale)
            {
                request["exploration"] = scale;
            }

            var body = await call.Api.SendAsync(HttpMethod.Post, ApiClient.Experiment(call.GetValue(id), "/select"), request, call.CancellationToken);
            call.Show<SelectionModel>(body, SelectionView.Write);
        });
    }
}
