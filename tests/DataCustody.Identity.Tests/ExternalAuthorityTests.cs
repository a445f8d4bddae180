using System.Net;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>A host whose <c>Identity:Authority</c> names another provider: the embedded one is off.</summary>
public sealed class ExternalAuthorityTests(IdentityFixture authority) : IClassFixture<IdentityFixture>, IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;
    private IdentityHost _relyingParty = null!;

    public async Task InitializeAsync() =>
        _relyingParty = await IdentityHost.StartAsync(_dataFolder, settings: new Dictionary<string, string?>
        {
            ["Identity:Authority"] = authority.BaseAddress.ToString(),
        });

    public async Task DisposeAsync()
    {
        await _relyingParty.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task The_api_accepts_the_authoritys_tokens_and_serves_no_provider_endpoints()
    {
        var token = await DemoTokens.ForClientAsync(authority.BaseAddress, "backup");
        using var provider = DemoTokens.WithBearer(_relyingParty.BaseAddress, token);

        var allowed = await provider.GetAsync(IdentityHost.ProviderProbe);
        var refused = await provider.GetAsync(IdentityHost.RegulatorProbe);
        var discovery = await provider.GetAsync(".well-known/openid-configuration");
        var tokenEndpoint = await provider.PostAsync("connect/token", DemoTokens.ClientCredentials("backup", DemoTokens.ClientSecrets["backup"]));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.False(tokenEndpoint.IsSuccessStatusCode);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "identity.db")), "no keys or codes are kept when the provider is external");
    }

    [Fact]
    public async Task Pages_sign_in_at_the_external_authority()
    {
        using var browser = new AuthorizationCodeClient(_relyingParty.BaseAddress);

        var toAuthority = await browser.OpenAsync(IdentityHost.PageProbe);

        var location = browser.Redirected(toAuthority);
        Assert.Equal(authority.BaseAddress.Authority, location.Authority);
        Assert.Equal("/connect/authorize", location.AbsolutePath);
    }
}
