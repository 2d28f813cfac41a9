using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>bandits evaluate</c>: what a catalogue policy would have earned on an experiment's decision log
/// (<c>POST /v1/experiments/{id}/evaluate</c>), by IPS, SNIPS and doubly robust estimation, beside what was earned;
/// with <c>--file</c>, on a Parquet export of a log without a server (<see cref="OfflineEvaluation"/>), printed the
/// same way, <c>--json</c> included.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id")
        {
            Description = $"The experiment whose log to evaluate; not with {OfflineEvaluation.FileOption}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var file = new Option<string?>(OfflineEvaluation.FileOption)
        {
            Description = "Evaluate a decision-log Parquet file (see 'bandits export') here, without a server, instead of an experiment's log.",
        };
        var arms = new Option<string?>(OfflineEvaluation.ArmsOption)
        {
            Description = $"With {OfflineEvaluation.FileOption}: the experiment's arms, comma-separated, in its order. Default: the arms the file names, in ordinal order. Give them when an arm was never chosen, and in the experiment's order for the numbers the live evaluation gives (targets break ties and draw by arm order).",
        };
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
        var command = new Command("evaluate", "Estimate what another policy would have earned on an experiment's logged decisions, live or in a Parquet export.") { id, file, arms, policy, param, estimator, from, to };
        return command.WithApiAction(async call =>
        {
            var experiment = call.GetValue(id);
            var path = call.GetValue(file);
            var armList = call.GetValue(arms);
            if (experiment is not null && path is not null)
            {
                throw new UsageException(OfflineEvaluation.FileOption, $"an experiment's id and {OfflineEvaluation.FileOption} exclude each other: evaluate the live log or a file, not both.");
            }

            if (experiment is null && path is null)
            {
                throw new UsageException("id", $"give the experiment's id, or {OfflineEvaluation.FileOption} with a decision-log Parquet file.");
            }

            if (path is null && armList is not null)
            {
                throw new UsageException(OfflineEvaluation.ArmsOption, $"{OfflineEvaluation.ArmsOption} is for {OfflineEvaluation.FileOption}: an experiment's evaluation takes its own arms.");
            }

            var name = call.GetValue(policy);
            var parameters = PolicyArguments.ParseParameters(call.GetValue(param) ?? []);
            var estimators = ReadEstimators(call.GetValue(estimator) ?? []);
            var window = SelectionWindow.Read(call.GetValue(from), call.GetValue(to));
            if (path is not null)
            {
                var offline = new EvaluationRequest(new PolicySpec(name, parameters), [.. estimators.Select(OffPolicyEstimatorNames.Name)], new DecisionWindow(window.From, window.To));
                var report = await OfflineEvaluation.RunAsync(path, offline, armList is null ? null : OfflineEvaluation.ReadArms(armList), call.CancellationToken);
                call.Show<EvaluationModel>(JsonSerializer.Serialize(EvaluationModel.From(report), ApiClient.Json), (console, evaluation) => EvaluationTable.Write(console, name, evaluation));
                return;
            }

            var request = new JsonObject
            {
                ["policy"] = new JsonObject { ["name"] = name, ["params"] = PolicyParameters.ToJson(parameters) },
                ["estimators"] = new JsonArray([.. estimators.Select(e => JsonValue.Create(OffPolicyEstimatorNames.Name(e)))]),
                ["from"] = window.From,
                ["to"] = window.To,
            };
            var body = await call.Api.SendAsync(HttpMethod.Post, ApiClient.Experiment(experiment!, "/evaluate"), request, call.CancellationToken);
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
