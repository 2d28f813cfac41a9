namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class PoliciesCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>
{
    [Fact]
    public async Task Policies_lists_the_catalogue_with_parameters()
    {
        var json = CliAssert.Json(await api.RunAsync("policies", "--json"));
        var table = await api.RunAsync("policies");

        var names = json.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Equal(PolicyCatalogue.All.Select(d => d.Name).Order(), names.Order());
        CliAssert.Succeeded(table);
        Assert.All(names, name => Assert.Contains(name, table.Output));
        Assert.Contains("c=1.414", table.Output);
    }
}
