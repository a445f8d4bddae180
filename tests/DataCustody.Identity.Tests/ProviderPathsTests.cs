using DataCustody.Identity.Provider;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity.Tests;

/// <summary>Which requests the embedded provider looks at; the others pass it by.</summary>
public sealed class ProviderPathsTests
{
    [Theory]
    [InlineData(ProviderPaths.Authorize, true)]
    [InlineData(ProviderPaths.Token, true)]
    [InlineData(ProviderPaths.EndSession, true)]
    [InlineData(ProviderPaths.SignIn, true)]
    [InlineData(ProviderPaths.Discovery, true)]
    [InlineData(ProviderPaths.Jwks, true)]
    [InlineData("/CONNECT/TOKEN", true)]
    [InlineData("/connect", true)]
    [InlineData("/api/v1/transfers/check", false)]
    [InlineData("/api/v1/statements", false)]
    [InlineData("/log/v1/checkpoint", false)]
    [InlineData("/signin-oidc", false)]
    [InlineData("/connections", false)]
    [InlineData("/.well-knownish/jwks", false)]
    [InlineData("/", false)]
    public void Only_paths_under_the_providers_prefixes_may_be_its_endpoints(string path, bool providers) =>
        Assert.Equal(providers, ProviderPaths.MayBeProviderPath(new PathString(path)));
}
