using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>The validated options of <c>bandits study</c>.</summary>
/// <param name="Policy">Catalogue name.</param>
/// <param name="Parameters">From <c>--param</c>.</param>
/// <param name="World">The Bernoulli instance.</param>
/// <param name="Rounds">T per seed.</param>
/// <param name="Seeds">Seeds 1..N are run in every setting.</param>
/// <param name="Scale">The article's setting in events.</param>
/// <param name="CurvePoints">Points kept per regret curve.</param>
/// <param name="OutputDirectory">Where <c>regret.csv</c> and <c>regret.png</c> go.</param>
/// <param name="Connect">The running cluster to drive, or <c>null</c> to start a silo in this process.</param>
/// <param name="WaitLimit">The longest a lockstep wait may take before the study fails.</param>
public sealed record StudyRequest(
    string Policy,
    IReadOnlyDictionary<string, double[]> Parameters,
    StudyWorld World,
    long Rounds,
    int Seeds,
    TimeScale Scale,
    int CurvePoints,
    string OutputDirectory,
    ClusterConnection? Connect,
    TimeSpan WaitLimit);

/// <summary>A running local-mode cluster: its gateway on 127.0.0.1 and its ids.</summary>
public sealed record ClusterConnection(int GatewayPort, string ClusterId, string ServiceId);
