using BenchmarkDotNet.Attributes;

namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>
/// Select and Train of a 100-event batch for every contextual policy in the catalogue at K = 10 arms
/// and context dimension d = 8, 32 and 64: the cost grows with d (d² per arm for linear models).
/// </summary>
[MemoryDiagnoser]
public class ContextualPolicyBenchmarks
{
    private const int BatchSize = 100;

    private IBanditPolicy _policy = null!;
    private PolicyState _state = null!;
    private PolicySnapshot _snapshot = null!;
    private TrainingEvent[] _batch = [];
    private double[] _context = [];
    private Random _random = null!;

    public static IEnumerable<string> Policies => BenchmarkPolicies.Contextual;

    [ParamsSource(nameof(Policies))]
    public string Policy { get; set; } = "";

    [Params(10)]
    public int Arms { get; set; }

    [Params(8, 32, 64)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _policy = BenchmarkPolicies.Create(Policy, Dimension);
        _state = _policy.CreateState(Arms);
        _policy.Train(_state, TrainingEvents.Create(_policy, Arms, 10 * Arms, random));
        _snapshot = _policy.CreateSnapshot(_state);
        _batch = TrainingEvents.Create(_policy, Arms, BatchSize, random);
        _context = TrainingEvents.Context(Dimension, random);
        // Unseeded, like the selector grain: a seeded Random uses the slower legacy generator.
        _random = new Random();
    }

    [Benchmark]
    public Selection? Select() => _policy.Select(_snapshot, _context, [], 1.0, _random);

    [Benchmark(Description = "Train (100 events)")]
    public void Train() => _policy.Train(_state, _batch);
}
