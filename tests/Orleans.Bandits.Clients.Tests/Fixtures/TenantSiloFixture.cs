using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Bandits.Clients.Tests.Fixtures;

/// <summary>The API with auth on, and a tenant whose key the clients under test send.</summary>
public sealed class TenantSiloFixture : OpenSiloFixture
{
    private const string AdminKey = "clients-test-admin-key-with-enough-entropy";

    private string? _apiKey;

    /// <summary>The tenant's API key.</summary>
    public string ApiKey => _apiKey ?? throw new InvalidOperationException("The fixture has not started.");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AdminKey,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = new HttpClient { BaseAddress = Http.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        (await admin.PostAsJsonAsync("/v1/tenants", new { id = "clients" })).EnsureSuccessStatusCode();
        var issued = await admin.PostAsJsonAsync("/v1/tenants/clients/keys", new { name = "client-suites" });
        issued.EnsureSuccessStatusCode();
        _apiKey = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
    }
}
