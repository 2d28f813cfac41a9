using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>bandits evaluate</c>: what a catalogue policy would have earned on an experiment's decision log
/// (<c>POST /v1/experiments/{id}/evaluate</c>), by IPS, SNIPS and doubly robust estimation, beside what was earned.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var id = ManagementArguments.Experiment();
        var policy = new Option<string>("--policy")
        {
            Description = "The policy to evaluate, by catalogue name (see 'bandits policies').",
            Required = true,
        };
        var param = new Option<string[]>("--param")
        {
            Description = "A parameter of the evaluated policy as name=value (repeatable).",
        };
        var estimator = new Option<string[]>("--estimator")
        {
            Description = "ips, snips or dr (repeatable). Default: all three.",
        };
        var from = SelectionWindow.FromOption();
        var to = SelectionWindow.ToOption();
        var command = new Command("evaluate", "Estimate what another policy would have earned on an experiment's logged decisions.") { id, policy, param, estimator, from, to };
        return command.WithApiAction(async call =>
        {
            var name = call.GetValue(policy);
            var parameters = PolicyArguments.ParseParameters(call.GetValue(param) ?? []);
            var estimators = ReadEstimators(call.GetValue(estimator) ?? []);
            var window = SelectionWindow.Read(call.GetValue(from), call.GetValue(to));
            var request = new JsonObject
            {
                ["policy"] = new JsonObject { ["name"] = name, ["params"] = PolicyParameters.ToJson(parameters) },
                ["estimators"] = new JsonArray([.. estimators.Select(e => JsonValue.Create(OffPolicyEstimatorNames.Name(e)))]),
                ["from"] = window.From,
                ["to"] = window.To,
            };
            var body = await call.Api.SendAsync(HttpMethod.Post, ApiClient.Experiment(call.GetValue(id), "/evaluate"), request, call.CancellationToken);
            call.Show<EvaluationModel>(body, (console, evaluation) => EvaluationTable.Write(console, name, evaluation));
        });
    }

    /// <summary>Estimator names, checked here so a typo is named by its option; none given means all three.</summary>
    public static IReadOnlyList<OffPolicyEstimator> ReadEstimators(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [OffPolicyEstimator.Ips, OffPolicyEstimator.Snips, OffPolicyEstimator.DoublyRobust];
        }

        return [.. names.Select(name => OffPolicyEstimatorNames.TryParse(name, out var parsed)
            ? parsed
            : throw new UsageException("--estimator", $"'{name}' is not an estimator: use ips, snips or dr."))];
    }
}
