using BenchmarkDotNet.Attributes;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Cluster.Benchmarks.Ping;

namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>
/// Side by side: (a) a no-op grain call, (b) a select through the selector grain (Thompson-Beta,
/// 10 arms, signed token), (c) the bare policy select on a 10-arm snapshot. (a) and (b) go through
/// the same silo grain factory, so b/a is what selection costs relative to Orleans' own call.
/// Each is measured one call at a time (latency) and, for the grain calls, with
/// <see cref="Concurrency"/> calls in flight (throughput on this machine's cores).
/// </summary>
public class SelectionBenchmarks
{
    public const int Arms = 10;

    /// <summary>Calls in flight in the concurrent category, like a busy web app on one silo.</summary>
    public const int Concurrency = 64;

    public const string Sequential = "sequential";
    public const string Concurrent = "concurrent";

    private const string ExperimentName = "select-bench";

    private readonly Task[] _inFlight = new Task[Concurrency];
    private readonly SelectRequest _request = new();
    private BenchmarkCluster? _cluster;
    private IPingGrain _ping = null!;
    private ISelectorGrain _selector = null!;
    private IBanditPolicy _policy = null!;
    private PolicySnapshot _snapshot = null!;
    private Random _random = null!;

    [GlobalSetup(Targets = [nameof(Ping), nameof(SelectorSelect), nameof(PingConcurrent), nameof(SelectorSelectConcurrent)])]
    public async Task StartCluster()
    {
        _cluster = await BenchmarkCluster.StartAsync();
        await _cluster.CreateExperimentAsync(ExperimentName, Arms);
        _ping = _cluster.Grains.GetGrain<IPingGrain>(0);
        _selector = _cluster.Grains.GetGrain<ISelectorGrain>(new ExperimentId(BenchmarkCluster.Tenant, ExperimentName).Key);

        // Warm both up outside the measurement: the first call activates the grain and the
        // selector's first select fetches its replica from the experiment grain (a cold replica).
        await _ping.Ping();
        var first = await _selector.Select(_request);
        if (first.Token is null)
        {
            throw new InvalidOperationException("The selector answered without a token; the benchmark would not measure signing.");
        }
    }

    [GlobalSetup(Target = nameof(PolicySelect))]
    public void PreparePolicy()
    {
        // The selector's experiment above is fresh (every arm at its Beta(1, 1) prior), so the
        // bare policy gets the same: both draw the same Gamma variates per arm.
        _policy = PolicyCatalogue.Create("thompson-beta");
        _snapshot = _policy.CreateSnapshot(_policy.CreateState(Arms));
        _random = new Random(42);
    }

    [GlobalCleanup(Targets = [nameof(Ping), nameof(SelectorSelect), nameof(PingConcurrent), nameof(SelectorSelectConcurrent)])]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    /// <summary>(a) A no-op grain call.</summary>
    [Benchmark(Baseline = true, Description = "a: no-op grain call")]
    [BenchmarkCategory(Sequential)]
    public Task Ping() => _ping.Ping();

    /// <summary>(b) A select through the selector grain, token signed.</summary>
    [Benchmark(Description = "b: selector grain select")]
    [BenchmarkCategory(Sequential)]
    public Task<SelectResult> SelectorSelect() => _selector.Select(_request);

    /// <summary>(c) The policy alone: sample 10 Beta posteriors and take the best.</summary>
    [Benchmark(Description = "c: bare policy select")]
    [BenchmarkCategory(Sequential)]
    public Policies.Abstractions.Selection? PolicySelect() => _policy.Select(_snapshot, [], [], 1.0, _random);

    /// <summary>(a) with <see cref="Concurrency"/> calls in flight; the time is per call.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency, Description = "a: no-op grain call, 64 in flight")]
    [BenchmarkCategory(Concurrent)]
    public Task PingConcurrent()
    {
        for (var i = 0; i < Concurrency; i++)
        {
            _inFlight[i] = _ping.Ping();
        }

        return Task.WhenAll(_inFlight);
    }

    /// <summary>(b) with <see cref="Concurrency"/> calls in flight; the time is per call.</summary>
    [Benchmark(OperationsPerInvoke = Concurrency, Description = "b: selector grain select, 64 in flight")]
    [BenchmarkCategory(Concurrent)]
    public Task SelectorSelectConcurrent()
    {
        for (var i = 0; i < Concurrency; i++)
        {
            _inFlight[i] = _selector.Select(_request);
        }

        return Task.WhenAll(_inFlight);
    }
}
