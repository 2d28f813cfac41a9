using Orleans.Bandits.Harness.Hosting;
using Orleans.Bandits.Harness.Running;

namespace Orleans.Bandits.Harness.Commands;

/// <summary>A parsed <c>run</c> command: what to run, where to write, and what already runs elsewhere.</summary>
public sealed record RunSettings(StudyPlan Plan, string OutputDirectory, EnvironmentSettings Environment);
