namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>One browser for every browser test, which run one after another: two cores hold one Chromium and one silo comfortably.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
