using System.CommandLine;
using System.Globalization;
using Orleans.Bandits.Harness.Hosting;
using Orleans.Bandits.Harness.Reporting;
using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.Tools;
using Spectre.Console;

namespace Orleans.Bandits.Harness.Commands;

/// <summary><c>flaky-harness run</c>: the study, from starting what is needed to the summary.</summary>
public static class RunCommand
{
    public static Command Create(TimeProvider clock)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run every strategy × tier × seed through the load balancer and score it as the take-home (+1 per success, −1 per attempt beyond the third).");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(options, parseResult, clock, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(RunOptions options, ParseResult parseResult, TimeProvider clock, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        RunSettings settings;
        try
        {
            settings = options.Read(parseResult, clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(settings.OutputDirectory);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Option}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: --output: {e.Message}");
            return ExitCodes.Usage;
        }

        try
        {
            var command = "flaky-harness " + string.Join(' ', parseResult.Tokens.Select(t => t.Value));
            await RunStudyAsync(settings, command, output, clock, cancellationToken);
            return ExitCodes.Success;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task RunStudyAsync(RunSettings settings, string command, TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        var console = ConsoleFactory.For(output, SummaryFormat.PlainWidth);
        var directory = settings.OutputDirectory;
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromMinutes(2) };
        await using var environment = await EnvironmentStarter.StartAsync(http, settings.Environment, StudyRunner.FleetsFor(settings.Plan), output);
        var plan = settings.Plan with { Parallel = Math.Min(settings.Plan.Parallel, environment.Fleets.Count) };
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{plan.RunCount} runs ({plan.Strategies.Count} strategies × {plan.Tiers.Count} tiers × {plan.Seeds.Count} seeds) of {plan.Requests} requests at {(plan.Rate > 0 ? $"{plan.Rate} req/s" : "full speed")}, {plan.Parallel} seed(s) at a time."));

        if (plan.WarmUpRequests > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Warming up: {plan.WarmUpRequests} unrecorded requests per strategy and tier on {plan.Parallel} fleet(s)."));
            await new WarmUp(plan, environment.LoadBalancer).RunAsync(environment.Fleets, cancellationToken);
        }

        var runsCsv = new RunsCsv(Path.Combine(directory, "runs.csv"));
        runsCsv.Start();
        using var attempts = new AttemptLog(Path.Combine(directory, "attempts.csv"), plan.Session);
        var board = new LiveBoard();
        var live = new LiveJsonWriter(Path.Combine(directory, "live.json"), board, clock);
        using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var liveWriting = live.RunAsync(stopLive.Token);

        IReadOnlyList<RunResult> results;
        try
        {
            Task<IReadOnlyList<RunResult>> Study(IStudyProgress progress) =>
                new StudyRunner(plan, new RunExecutor(plan, environment.LoadBalancer, attempts, board, progress, clock))
                    .RunAsync(environment.Fleets, runsCsv.Append, cancellationToken);

            results = console.Profile.Capabilities.Interactive
                ? await console.Progress().HideCompleted(true).StartAsync(context => Study(new SpectreProgress(context, plan)))
                : await Study(new LineProgress(output, plan.RunCount));
        }
        finally
        {
            await stopLive.CancelAsync();
            await liveWriting;
        }

        runsCsv.Rewrite(results);
        var summary = StudySummary.Build(results, [.. plan.Strategies.Select(s => s.Name)]);
        SummaryFiles.WriteCsv(Path.Combine(directory, "summary.csv"), summary);
        SummaryFiles.WriteMarkdown(Path.Combine(directory, "summary.md"), summary, command);
        SummaryTable.Write(console, summary);
        console.WriteLine($"Wrote attempts.csv, runs.csv, summary.csv, summary.md and live.json to {Path.GetFullPath(directory)}");
    }
}
