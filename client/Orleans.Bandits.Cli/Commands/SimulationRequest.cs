using Orleans.Bandits.Cli.Environments;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>The validated options of <c>bandits simulate</c>.</summary>
/// <param name="Policy">Catalogue name.</param>
/// <param name="Parameters">From <c>--param</c>.</param>
/// <param name="Environment">Which world and its shape.</param>
/// <param name="Rounds">T per seed.</param>
/// <param name="Seeds">Seeds 1..N are run.</param>
/// <param name="BatchSize">B.</param>
/// <param name="Delay">D.</param>
/// <param name="Exploration">Per-call exploration scale.</param>
/// <param name="CsvPath">Where to write per-seed curves and the summary, or <c>null</c>.</param>
/// <param name="CompareInstant">Also run batch 1 / delay 0 on the same seeds and report the overhead.</param>
/// <param name="CurvePoints">Points kept per regret curve.</param>
public sealed record SimulationRequest(
    string Policy,
    IReadOnlyDictionary<string, double[]> Parameters,
    EnvironmentSettings Environment,
    long Rounds,
    int Seeds,
    int BatchSize,
    int Delay,
    double Exploration,
    string? CsvPath,
    bool CompareInstant,
    int CurvePoints);
