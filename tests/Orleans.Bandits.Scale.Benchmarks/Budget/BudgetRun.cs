using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Http.Auth;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Budget;

/// <summary>
/// The largest create each catalogue policy allows (<see cref="LargestExperiments"/>), sent over HTTP
/// <paramref name="perPolicy"/> times to a silo in local mode with the API co-hosted, as the silo host starts it
/// (in-memory grain storage), in this process. Memory is sampled after a full, compacting collection that returns
/// freed memory to the OS: before each policy's creates, after them, after one select and one stats read per
/// experiment, and after as many events learned as it has arms.
/// </summary>
public sealed class BudgetRun(int perPolicy)
{
    /// <summary>A reward every policy accepts: the top of [0, 1], a success where rewards are 1/0, one of the declared Dirichlet values.</summary>
    private const double Reward = 1;

    /// <summary>Fixed, so every run trains on the same contexts.</summary>
    private const int ContextSeed = 20_261_203;

    /// <summary>
    /// Up to this many arms every arm gets its event, forced by excluding the others (every contextual experiment:
    /// 60 arms). Larger experiments take as many events on the arms their policy picks: an exclusion set that changes
    /// on every call makes the Thompson samplers draw their propensity rounds afresh each time (about 1 s a select for
    /// the largest Dirichlet experiment), and their statistics are fixed-size arrays that learning does not grow.
    /// </summary>
    private const int MaxForcedArms = 100;

    private static readonly TimeSpan TrainingLimit = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<PolicyFootprint>> RunAsync(CancellationToken cancellationToken)
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        var bandits = host.Services.GetRequiredService<IBanditsClient>();
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
                    var id = $"warm-{descriptor.Name}";
                    await Expect(host.Http.PostAsJsonAsync("/v1/experiments", CreateBody(id, descriptor, 2), cancellationToken));
                    await UseAsync(host.Http, id, descriptor, cancellationToken);
                    await TrainEveryArmAsync(bandits, id, descriptor, 2, cancellationToken);
                    task.Increment(1);
                }

                task = progress.AddTask($"the largest create per policy, {perPolicy} each", maxValue: PolicyCatalogue.All.Count);
                foreach (var descriptor in PolicyCatalogue.All)
                {
                    footprints.Add(await MeasureAsync(host.Http, bandits, descriptor, cancellationToken));
                    task.Increment(1);
                }
            });
        return footprints;
    }

    private async Task<PolicyFootprint> MeasureAsync(HttpClient http, IBanditsClient bandits, PolicyDescriptor descriptor, CancellationToken cancellationToken)
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
            await UseAsync(http, id, descriptor, cancellationToken);
        }

        var inUse = MemorySample.Take(aggressive: true);
        await Task.WhenAll(ids.Select(id => TrainEveryArmAsync(bandits, id, descriptor, arms, cancellationToken)));
        var trained = MemorySample.Take(aggressive: true);
        return new PolicyFootprint(
            descriptor.Name,
            arms,
            LargestExperiments.ContextDimension(descriptor),
            ExperimentDefinitionValidator.StateDoubles(policy, arms),
            created.PerItemSince(before, perPolicy),
            inUse.PerItemSince(before, perPolicy),
            trained.PerItemSince(before, perPolicy));
    }

    /// <summary>One select and one stats read.</summary>
    private static async Task UseAsync(HttpClient http, string id, PolicyDescriptor descriptor, CancellationToken cancellationToken)
    {
        var context = Context(descriptor, new Random(ContextSeed));
        await Expect(http.PostAsJsonAsync($"/v1/experiments/{id}/select", context is null ? new object() : new { context }, cancellationToken));
        await Expect(http.GetAsync($"/v1/experiments/{id}/stats", cancellationToken));
    }

    /// <summary>
    /// As many events as arms (one on each, up to <see cref="MaxForcedArms"/> arms), through the platform's own client
    /// rather than HTTP, which would only add parsing; then waits, bounded, until the experiment has learned them all.
    /// </summary>
    private static async Task TrainEveryArmAsync(IBanditsClient bandits, string id, PolicyDescriptor descriptor, int arms, CancellationToken cancellationToken)
    {
        var random = new Random(ContextSeed);
        var armIds = Enumerable.Range(0, arms).Select(ArmId).ToArray();

        // Knapsack policies learn only events that say what each budgeted resource consumed.
        var costs = LargestExperiments.Parameters(descriptor).TryGetValue("budgets", out var budgets) ? new double[budgets.Length] : null;
        var learned = (await bandits.GetExperimentAsync(Tenancy.DefaultTenant, id)).TrainedEvents;
        for (var arm = 0; arm < arms; arm++)
        {
            var exclude = arms <= MaxForcedArms ? armIds.Where((_, i) => i != arm).ToArray() : null;
            var selected = await bandits.SelectAsync(Tenancy.DefaultTenant, id, new SelectRequest(Context(descriptor, random), exclude));
            await bandits.FeedbackAsync(Tenancy.DefaultTenant, new FeedbackRequest(selected.Token!, Reward, Costs: costs));
        }

        var deadline = DateTime.UtcNow + TrainingLimit;
        while ((await bandits.GetExperimentAsync(Tenancy.DefaultTenant, id)).TrainedEvents < learned + arms)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} did not learn its {arms} events within {TrainingLimit.TotalSeconds} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>A context of values in [-1, 1] for contextual policies (dense, so every arm's matrix fills), else none.</summary>
    private static double[]? Context(PolicyDescriptor descriptor, Random random) => descriptor.Contextual
        ? Enumerable.Range(0, LargestExperiments.ContextDimension(descriptor)).Select(_ => (random.NextDouble() * 2) - 1).ToArray()
        : null;

    private static object CreateBody(string id, PolicyDescriptor descriptor, int arms) => new
    {
        id,
        arms = Enumerable.Range(0, arms).Select(i => new { id = ArmId(i) }),
        contextDimension = LargestExperiments.ContextDimension(descriptor),
        policy = new { name = descriptor.Name, @params = LargestExperiments.Parameters(descriptor) },
    };

    private static string ArmId(int index) => $"arm-{index}";

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
