using System.Net;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

public sealed class SignOutTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Signing_out_ends_the_provider_session_and_returns_to_the_registered_address()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();
        await browser.SignInForCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge, "alice", DemoTokens.Passwords["alice"]);
        var signedOutPage = new Uri(fixture.BaseAddress, "signout-callback-oidc").ToString();

        var whileSignedIn = await browser.AuthorizeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge);
        var signOut = await browser.OpenAsync($"connect/endsession?client_id=custody-web&post_logout_redirect_uri={Uri.EscapeDataString(signedOutPage)}");
        var afterSignOut = await browser.AuthorizeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge);

        Assert.StartsWith(DemoTokens.CliRedirectUri + "?code=", browser.Redirected(whileSignedIn).ToString(), StringComparison.Ordinal);
        Assert.Equal(signedOutPage, browser.Redirected(signOut).GetLeftPart(UriPartial.Path));
        Assert.Equal("/connect/signin", browser.Redirected(afterSignOut).AbsolutePath);
    }

    [Theory]
    [InlineData("custody-web", "https://evil.example/signout-callback-oidc")]
    [InlineData(null, "https://evil.example/")]
    [InlineData("custody-cli", "http://127.0.0.1:7890/callback")]
    public async Task Signing_out_never_redirects_to_an_unregistered_address(string? clientId, string postLogoutRedirectUri)
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var client = clientId is null ? string.Empty : $"client_id={clientId}&";

        var response = await browser.OpenAsync($"connect/endsession?{client}post_logout_redirect_uri={Uri.EscapeDataString(postLogoutRedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
