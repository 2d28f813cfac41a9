using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Client;
using Orleans.Bandits.Contracts;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// A one-silo cluster in this process. Calls go through the silo's own grain factory (the
/// co-hosted app path): stateless workers then activate on this silo and no gateway hop or
/// client serialization is measured, only the platform's work and Orleans' local call.
/// </summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    public const string Tenant = "bench";

    private readonly TestCluster _cluster;

    private BenchmarkCluster(TestCluster cluster)
    {
        _cluster = cluster;
        var silo = cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("The test cluster did not start an in-process silo.");
        Grains = silo.SiloHost.Services.GetRequiredService<IGrainFactory>();
        Client = new BanditsClient(Grains);
    }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The platform over <see cref="Grains"/>, as a co-hosted web app would call it.</summary>
    public IBanditsClient Client { get; }

    public static async Task<BenchmarkCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        // The test host would write Information-level logs into ./logs: that is disk I/O inside
        // the measurement and litter in whatever directory the benchmark is started from.
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<BenchmarkSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchmarkCluster(cluster);
    }

    /// <summary>A Thompson-Beta experiment with arms <c>arm-0</c> … <c>arm-{n-1}</c>.</summary>
    public Task<ExperimentView> CreateExperimentAsync(string name, int arms) =>
        Client.CreateExperimentAsync(
            Tenant,
            name,
            new ExperimentDefinition(
                Enumerable.Range(0, arms).Select(ArmName).ToArray(),
                new PolicySpec("thompson-beta", new Dictionary<string, double[]>())));

    public static string ArmName(int index) => $"arm-{index}";

    /// <summary>The index back from an arm name made by <see cref="ArmName"/>.</summary>
    public static int ArmIndex(string arm) => int.Parse(arm.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
