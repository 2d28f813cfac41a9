using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Requests as a client with a given key sends them, and the admin steps that make a tenant key.</summary>
public sealed class ApiCalls(HttpClient http)
{
    public Task<HttpResponseMessage> Send(string? key, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }

    /// <summary>Creates <paramref name="tenant"/> with the admin key and returns a new key of it.</summary>
    public async Task<string> NewTenantKey(string tenant)
    {
        Assert.Equal(HttpStatusCode.Created, (await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants", new { id = tenant })).StatusCode);
        return await NewKey(tenant);
    }

    /// <summary>Issues another key of an existing tenant.</summary>
    public async Task<string> NewKey(string tenant)
    {
        var issued = await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, $"/v1/tenants/{tenant}/keys", new { name = "web" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await Json(issued)).GetProperty("key").GetString()!;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
