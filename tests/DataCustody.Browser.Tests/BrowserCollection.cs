namespace DataCustody.Browser.Tests;

/// <summary>
/// The browser tests: they share one Chromium (<see cref="ChromiumFixture"/>) and one gateway
/// process (<see cref="GatewayFixture"/>), and run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<GatewayFixture>
{
    /// <summary>The collection's name, for <c>[Collection(BrowserCollection.Name)]</c>.</summary>
    public const string Name = "Browser";
}
