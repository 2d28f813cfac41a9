using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>bandits stats</c>: what an experiment has learned, one row per arm; with <c>--watch</c> a new table for every
/// new version, from the stats stream, until Ctrl-C. With <c>--json</c> and <c>--watch</c>, one stats body a line.
/// </summary>
public static class StatsCommand
{
    /// <summary>The wait before reconnecting when the server ends a stream (it does after a lifetime, and expects the client back).</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private const string StatsEvent = "stats";

    public static Command Create()
    {
        var id = ManagementArguments.Experiment();
        var watch = new Option<bool>("--watch")
        {
            Description = "Follow the stats stream: a new table whenever the version changes, until Ctrl-C.",
        };
        var command = new Command("stats", "Show an experiment's arms: counts, means with 95% intervals, probability of being best.") { id, watch };
        return command.WithApiAction(async call =>
        {
            var experiment = call.GetValue(id);
            if (!call.GetValue(watch))
            {
                call.Show<StatsModel>(await call.Api.GetAsync(ApiClient.Experiment(experiment, "/stats"), call.CancellationToken), (console, stats) => StatsTable.Write(console, experiment, stats));
                return;
            }

            try
            {
                await WatchAsync(call, experiment);
            }
            catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how a watch ends: not an error.
            }
        });
    }

    private static async Task WatchAsync(ApiInvocation call, string experiment)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Experiment(experiment, "/stats/stream"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await call.Api.OpenAsync(request, call.CancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(call.CancellationToken);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(call.CancellationToken))
            {
                if (item.EventType == StatsEvent)
                {
                    call.Show<StatsModel>(item.Data, (console, stats) => StatsTable.Write(console, experiment, stats));
                    await call.Output.FlushAsync(call.CancellationToken);
                }
            }

            await Task.Delay(ReconnectDelay, call.CancellationToken);
        }
    }
}
