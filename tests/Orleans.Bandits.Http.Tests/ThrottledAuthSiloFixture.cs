namespace Orleans.Bandits.Http.Tests;

/// <summary>The API with authentication on and a failed-authentication limit of 1 per second per address (burst 2).</summary>
public sealed class ThrottledAuthSiloFixture : SiloWithApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:Auth:FailuresPerSecondPerAddress"] = "1",
    };
}
