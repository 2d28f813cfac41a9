using System.CommandLine;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Cli.Study;
using Orleans.Bandits.Tools;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>
/// <c>bandits study</c>: the price of distribution measured on the live platform. One seeded
/// Bernoulli world is played (a) by the bare policy with instant updates, (b) through the
/// platform in batches, (c) through the platform in batches with delayed feedback; the table
/// decomposes (c) into (a), batching and delay, as the article does.
/// </summary>
public static class StudyCommand
{
    public const string CsvName = "regret.csv";
    public const string PlotName = "regret.png";

    public static Command Create()
    {
        var options = new StudyOptions();
        var command = new Command("study", "Measure the price of distribution on a live cluster: ideal vs batched vs batched + delayed regret, in the article's table, with a CSV and a PNG of regret over time.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(options, parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(StudyOptions options, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var request = options.Read(parseResult);

            // Checked before any cluster starts, so a mistake costs nothing.
            PolicyArguments.Create(PolicyArguments.Find(request.Policy), request.Parameters, environmentContextDimension: 0);
            Directory.CreateDirectory(request.OutputDirectory);

            var console = ConsoleFactory.For(output, ReportFormat.PlainWidth);
            await using var cluster = await StartAsync(request, cancellationToken);
            var total = 2L * request.Seeds * request.Rounds;
            var report = await StudyProgress.RunAsync(console, error, total, progress => StudyRunner.RunAsync(request, cluster, progress, error, cancellationToken));

            StudyTable.Write(console, report);
            var csv = Path.Combine(request.OutputDirectory, CsvName);
            var plot = Path.Combine(request.OutputDirectory, PlotName);
            StudyCsvWriter.Write(csv, report);
            RegretPlot.Save(plot, report);
            console.WriteLine($"Regret over time written to {csv} and {plot}");
            return ExitCodes.Success;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Option}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: --out: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is TimeoutException or BanditsException or OrleansException)
        {
            error.WriteLine($"error: the study failed on the cluster: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<StudyCluster> StartAsync(StudyRequest request, CancellationToken cancellationToken)
    {
        if (request.Connect is not { } connect)
        {
            return await StudyCluster.StartInProcessAsync(cancellationToken);
        }

        // Connecting is a wait like any other: bounded by --wait-limit, since the Orleans client keeps retrying a gateway that is not there.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(request.WaitLimit);
        try
        {
            return await StudyCluster.ConnectAsync(connect.GatewayPort, connect.ClusterId, connect.ServiceId, limit.Token);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new UsageException("--gateway-port", $"No cluster '{connect.ClusterId}' answered at 127.0.0.1:{connect.GatewayPort} within {request.WaitLimit.TotalSeconds:0.#} s: {e.Message}");
        }
    }
}
