using System.Net;
using System.Web;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>The gateway's pages as a relying party of the embedded provider: cookie plus OpenID Connect.</summary>
public sealed class PagesSignInTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task A_page_sends_a_stranger_through_the_sign_in_form_and_back_signed_in()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);

        var toProvider = await browser.OpenAsync(IdentityHost.PageProbe);
        var authorize = browser.Redirected(toProvider);
        var toSignIn = await browser.FollowAsync(toProvider);
        var backToAuthorize = await browser.SignInAsync(browser.Redirected(toSignIn), "bob", DemoTokens.Passwords["bob"]);
        var toCallback = await browser.FollowAsync(backToAuthorize);
        var toPage = await browser.FollowAsync(toCallback);
        var page = await browser.FollowAsync(toPage);

        var request = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        Assert.Equal("custody-web", request["client_id"]);
        Assert.Equal(new Uri(fixture.BaseAddress, "signin-oidc").ToString(), request["redirect_uri"]);
        Assert.Equal("S256", request["code_challenge_method"]);
        Assert.Equal("/" + IdentityHost.PageProbe, browser.Redirected(toPage).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Bob Brown (citizen)", await page.Content.ReadAsStringAsync());
    }
}
