using System.CommandLine;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits experiments create</c>: <c>POST /v1/experiments</c> from options or a body file.</summary>
public static class CreateExperimentCommand
{
    public static Command Create()
    {
        var options = new CreateExperimentOptions();
        var command = new Command("create", "Create an experiment, e.g. 'bandits experiments create hero --arm red --arm blue'.") { options.Id };
        foreach (var option in options.Options)
        {
            command.Options.Add(option);
        }

        return command.WithApiAction(async call =>
        {
            var body = await call.Api.SendAsync(HttpMethod.Post, "v1/experiments", options.Read(call.ParseResult), call.CancellationToken);
            call.Show<ExperimentModel>(body, ExperimentTables.WriteOne);
        });
    }
}
