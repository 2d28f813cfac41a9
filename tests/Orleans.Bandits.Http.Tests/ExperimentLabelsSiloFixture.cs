namespace Orleans.Bandits.Http.Tests;

/// <summary>The API with authentication on and the operator's opt-in to per-experiment metric labels.</summary>
public sealed class ExperimentLabelsSiloFixture : SiloWithApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:Metrics:ExperimentLabels"] = "true",
    };
}
