namespace Orleans.Bandits.Http.Tests;

/// <summary>The API with authentication on and small per-tenant quotas, so a test reaches them in a few requests.</summary>
public sealed class QuotaSiloFixture : SiloWithApiFixture
{
    public const int ExperimentsPerTenant = 3;
    public const int KeysPerTenant = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:Quotas:ExperimentsPerTenant"] = ExperimentsPerTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bandits:Quotas:KeysPerTenant"] = KeysPerTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
