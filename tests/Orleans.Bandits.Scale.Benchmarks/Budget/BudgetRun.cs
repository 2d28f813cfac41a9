using System.Net.Http.Json;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Budget;

/// <summary>
/// The largest create each catalogue policy allows (<see cref="LargestExperiments"/>), sent over HTTP
/// <paramref name="perPolicy"/> times to a silo in local mode with the API co-hosted, as the silo host starts it
/// (in-memory grain storage), in this process. Memory is sampled after a full, compacting collection that returns
/// freed memory to the OS, before each policy's creates, after them, and after one select and one stats read per experiment.
/// </summary>
public sealed class BudgetRun(int perPolicy)
{
    /// <summary>Every context value of a select: any finite number within the accepted magnitude does.</summary>
    private const double ContextValue = 0.5;

    public async Task<IReadOnlyList<PolicyFootprint>> RunAsync(CancellationToken cancellationToken)
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        var footprints = new List<PolicyFootprint>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                // Each policy's code compiled and its first activations made on a small experiment, kept (a deleted one's
                // replica would go on asking for it), so the measured creates pay only for themselves.
                var task = progress.AddTask("warm-up: each policy on a two-arm experiment", maxValue: PolicyCatalogue.All.Count);
                foreach (var descriptor in PolicyCatalogue.All)
                {
                    await UseAsync(host.Http, $"warm-{descriptor.Name}", descriptor, arms: 2, cancellationToken);
                    task.Increment(1);
                }

                task = progress.AddTask($"the largest create per policy, {perPolicy} each", maxValue: PolicyCatalogue.All.Count);
                foreach (var descriptor in PolicyCatalogue.All)
                {
                    footprints.Add(await MeasureAsync(host.Http, descriptor, cancellationToken));
                    task.Increment(1);
                }
            });
        return footprints;
    }

    private async Task<PolicyFootprint> MeasureAsync(HttpClient http, PolicyDescriptor descriptor, CancellationToken cancellationToken)
    {
        var policy = LargestExperiments.Policy(descriptor);
        var arms = LargestExperiments.Arms(policy);
        var ids = Enumerable.Range(0, perPolicy).Select(i => $"{descriptor.Name}-{i}").ToList();

        var before = MemorySample.Take(aggressive: true);
        foreach (var id in ids)
        {
            await Expect(http.PostAsJsonAsync("/v1/experiments", CreateBody(id, descriptor, arms), cancellationToken));
        }

        var created = MemorySample.Take(aggressive: true);
        foreach (var id in ids)
        {
            await UseAsync(http, id, descriptor, arms: null, cancellationToken);
        }

        var inUse = MemorySample.Take(aggressive: true);
        return new PolicyFootprint(
            descriptor.Name,
            arms,
            LargestExperiments.ContextDimension(descriptor),
            ExperimentDefinitionValidator.StateDoubles(policy, arms),
            created.PerItemSince(before, perPolicy),
            inUse.PerItemSince(before, perPolicy));
    }

    /// <summary>One select and one stats read; creates the experiment first, with <paramref name="arms"/> arms, when given.</summary>
    private static async Task UseAsync(HttpClient http, string id, PolicyDescriptor descriptor, int? arms, CancellationToken cancellationToken)
    {
        if (arms is { } count)
        {
            await Expect(http.PostAsJsonAsync("/v1/experiments", CreateBody(id, descriptor, count), cancellationToken));
        }

        var context = Enumerable.Repeat(ContextValue, LargestExperiments.ContextDimension(descriptor)).ToArray();
        await Expect(http.PostAsJsonAsync($"/v1/experiments/{id}/select", descriptor.Contextual ? new { context } : new object(), cancellationToken));
        await Expect(http.GetAsync($"/v1/experiments/{id}/stats", cancellationToken));
    }

    private static object CreateBody(string id, PolicyDescriptor descriptor, int arms) => new
    {
        id,
        arms = Enumerable.Range(0, arms).Select(i => new { id = $"arm-{i}" }),
        contextDimension = LargestExperiments.ContextDimension(descriptor),
        policy = new { name = descriptor.Name, @params = LargestExperiments.Parameters(descriptor) },
    };

    /// <summary>A refused request would measure nothing: the run stops with the server's answer.</summary>
    private static async Task Expect(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
