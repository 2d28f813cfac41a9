using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenQA.Selenium;
using Orleans.Bandits.Dashboard.Tests.Fixtures;

namespace Orleans.Bandits.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AuthenticatedDashboardTests(BrowserFixture browser, AuthenticatedDashboardFixture silo) : IClassFixture<AuthenticatedDashboardFixture>
{
    private readonly Page _page = new(browser.Driver, silo.BaseAddress);

    private async Task<string> TenantKeyAsync(string tenant)
    {
        using var admin = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants") { Content = JsonContent.Create(new { id = tenant }) };
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AuthenticatedDashboardFixture.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await silo.Http.SendAsync(admin)).StatusCode);
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{tenant}/keys") { Content = JsonContent.Create(new { name = "dashboard" }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AuthenticatedDashboardFixture.AdminKey);
        var key = await (await silo.Http.SendAsync(create)).Content.ReadFromJsonAsync<JsonElement>();
        return key.GetProperty("key").GetString()!;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await silo.Http.SendAsync(request);
    }

    [Fact]
    public async Task With_auth_on_the_page_asks_for_a_key_and_keeps_it_in_session_storage_only()
    {
        var key = await TenantKeyAsync("acme");
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/v1/experiments") { Content = JsonContent.Create(new { id = "acme-hero", arms = new[] { new { id = "a" } } }) })
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(HttpStatusCode.Created, (await silo.Http.SendAsync(create)).StatusCode);
        }

        _page.Open("#/experiments");
        _page.Until(d => d.FindElement(By.Id("key-dialog")).GetAttribute("open") is not null, "the page to ask for an API key");
        _page.Element(By.Id("api-key-input")).SendKeys(key);
        _page.Element(By.Id("api-key-submit")).Click();

        _page.Element(By.CssSelector("tr[data-experiment='acme-hero']"));
        Assert.Equal(key, _page.Script("return sessionStorage.getItem('bandits.apiKey');"));
        Assert.Equal(0L, _page.Script("return localStorage.length;"));
        Assert.Empty(_page.Driver.Manage().Cookies.AllCookies);

        // The live view sends the key with its stream too (EventSource could not).
        _page.Element(By.CssSelector("tr[data-experiment='acme-hero'] a")).Click();
        _page.TextWhen(By.Id("trained-events"), text => text == "0", "the stats stream to answer with the key");
        _page.TextWhen(By.Id("stream-state"), text => text == "live", "the stream to be live");
    }

    [Fact]
    public async Task Reset_from_the_page_needs_a_key_of_the_experiments_tenant_and_is_audited_with_its_key_id()
    {
        var owner = await TenantKeyAsync("reset-owner");
        var stranger = await TenantKeyAsync("reset-stranger");
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/v1/experiments") { Content = JsonContent.Create(new { id = "owned", arms = new[] { new { id = "a" } } }) })
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner);
            Assert.Equal(HttpStatusCode.Created, (await silo.Http.SendAsync(create)).StatusCode);
        }

        // Another tenant's key: the experiment does not exist for it, so there is nothing to pause or reset.
        _page.Open("#/experiments/owned");
        _page.Until(d => d.FindElement(By.Id("key-dialog")).GetAttribute("open") is not null, "the page to ask for an API key");
        _page.Element(By.Id("api-key-input")).SendKeys(stranger);
        _page.Element(By.Id("api-key-submit")).Click();
        _page.TextWhen(By.Id("detail-error"), text => text.Contains("does not exist", StringComparison.Ordinal), "the experiment to be unknown to the other tenant");
        Assert.False(_page.Element(By.Id("reset-experiment")).Enabled);
        Assert.False(_page.Element(By.Id("toggle-status")).Enabled);

        _page.Script("sessionStorage.setItem('bandits.apiKey', arguments[0]);", owner);
        _page.Driver.Navigate().Refresh();
        _page.Until(d => d.FindElement(By.Id("reset-experiment")) is { Enabled: true } button ? button : null, "the Reset button")!.Click();
        _page.Element(By.Id("reset-experiment")).Click();
        _page.Until(d => d.FindElements(By.CssSelector("#audit-table tr[data-action='reset']")).Count == 1, "the reset in the audit log");
        var keyId = _page.Element(By.CssSelector("#audit-table tr[data-action='reset'] td[data-field='actor']")).Text;
        Assert.Equal(owner.Split('_')[1], keyId);
    }

    [Fact]
    public async Task A_refused_key_is_asked_for_again()
    {
        _page.Open("#/comparison");
        _page.Until(d => d.FindElement(By.Id("key-dialog")).GetAttribute("open") is not null, "the page to ask for an API key");
        _page.Element(By.Id("api-key-input")).SendKeys("not-a-key");
        _page.Element(By.Id("api-key-submit")).Click();
        _page.TextWhen(By.Id("key-message"), text => text.StartsWith("That key was refused", StringComparison.Ordinal), "the page to say the key was refused");

        _page.Element(By.Id("api-key-input")).SendKeys(await TenantKeyAsync("globex"));
        _page.Element(By.Id("api-key-submit")).Click();
        _page.TextWhen(By.Id("live-title"), text => text.Contains("no live.json", StringComparison.Ordinal), "the harness routes to answer 404 with a valid key");
    }

    [Fact]
    public async Task The_harness_routes_need_a_key_the_page_itself_does_not()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard/assets/js/main.js")).StatusCode);

        var anonymous = await GetAsync("/dashboard/harness/runs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var key = new AuthenticationHeaderValue("Bearer", await TenantKeyAsync("initech"));
        var missing = await GetAsync("/dashboard/harness/live", key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("not-found", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_the_admin_key_sent_as_basic_or_bearer()
    {
        var anonymous = await GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        var tenant = new AuthenticationHeaderValue("Bearer", await TenantKeyAsync("umbrella"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/orleans/", tenant)).StatusCode);

        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + AuthenticatedDashboardFixture.AdminKey)));
        var page = await GetAsync("/orleans/", basic);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var bearer = new AuthenticationHeaderValue("Bearer", AuthenticatedDashboardFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/orleans/version", bearer)).StatusCode);
    }
}
