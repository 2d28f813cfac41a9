namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>The API with authentication on: the admin key manages tenants and keys, tenants' keys everything else.</summary>
public sealed class AuthenticatedApiFixture : LiveApiFixture
{
    public const string AdminKey = "cli-test-admin-key-with-enough-entropy";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AdminKey,
    };
}
