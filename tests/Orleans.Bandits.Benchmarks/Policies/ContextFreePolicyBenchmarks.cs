using BenchmarkDotNet.Attributes;

namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>
/// Select on a trained snapshot and Train of a 100-event batch, for every context-free policy in the
/// catalogue (new policies are picked up automatically) at K = 10, 100 and 1000 arms.
/// </summary>
[MemoryDiagnoser]
public class ContextFreePolicyBenchmarks
{
    private const int BatchSize = 100;

    private IBanditPolicy _policy = null!;
    private PolicyState _state = null!;
    private PolicySnapshot _snapshot = null!;
    private TrainingEvent[] _batch = [];
    private Random _random = null!;

    public static IEnumerable<string> Policies => BenchmarkPolicies.ContextFree;

    [ParamsSource(nameof(Policies))]
    public string Policy { get; set; } = "";

    [Params(10, 100, 1000)]
    public int Arms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _policy = BenchmarkPolicies.Create(Policy, 0);
        _state = _policy.CreateState(Arms);

        // Ten events per arm, so selection works on a posterior with data rather than the prior.
        _policy.Train(_state, TrainingEvents.Create(_policy, Arms, 10 * Arms, random));
        _snapshot = _policy.CreateSnapshot(_state);
        _batch = TrainingEvents.Create(_policy, Arms, BatchSize, random);
        // Unseeded, like the selector grain: a seeded Random uses the slower legacy generator.
        _random = new Random();
    }

    [Benchmark]
    public Selection? Select() => _policy.Select(_snapshot, [], [], 1.0, _random);

    [Benchmark(Description = "Train (100 events)")]
    public void Train() => _policy.Train(_state, _batch);
}
