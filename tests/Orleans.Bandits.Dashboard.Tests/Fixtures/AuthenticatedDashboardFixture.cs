namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>The same host with authentication on and no harness files, so the harness routes answer 404 to a valid key.</summary>
public sealed class AuthenticatedDashboardFixture : DashboardSiloFixture
{
    public const string AdminKey = "dashboard-admin-key-with-enough-entropy";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AdminKey,
    };

    protected override string ServedHarnessDirectory => Path.Combine(HarnessDirectory, "empty");
}
