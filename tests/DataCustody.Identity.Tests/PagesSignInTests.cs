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

    [Fact]
    public async Task Signing_out_of_the_pages_ends_the_provider_session_without_asking_again()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var toProvider = await browser.OpenAsync(IdentityHost.PageProbe);
        var toSignIn = await browser.FollowAsync(toProvider);
        var backToAuthorize = await browser.SignInAsync(browser.Redirected(toSignIn), "bob", DemoTokens.Passwords["bob"]);
        var toPage = await browser.FollowAsync(await browser.FollowAsync(backToAuthorize));
        Assert.Equal("/" + IdentityHost.PageProbe, browser.Redirected(toPage).AbsolutePath);
        var signOutForm = await (await browser.OpenAsync(IdentityHost.SignOutFormProbe)).Content.ReadAsStringAsync();

        var toEndSession = await browser.SubmitFormAsync(signOutForm, new Dictionary<string, string>());
        var toCallback = await browser.FollowAsync(toEndSession);
        var toHome = await browser.FollowAsync(toCallback);

        var endSession = browser.Redirected(toEndSession);
        Assert.Equal("/connect/endsession", endSession.AbsolutePath);
        Assert.NotNull(HttpUtility.ParseQueryString(endSession.Query)["id_token_hint"]);
        Assert.Equal("/signout-callback-oidc", browser.Redirected(toCallback).AbsolutePath);
        Assert.Equal("/", browser.Redirected(toHome).AbsolutePath);
        // Both sessions are over: the page sends the browser to the provider, and the provider to its sign-in form.
        var again = await browser.OpenAsync(IdentityHost.PageProbe);
        Assert.Equal("/connect/authorize", browser.Redirected(again).AbsolutePath);
        Assert.Equal("/connect/signin", browser.Redirected(await browser.FollowAsync(again)).AbsolutePath);
    }

    [Theory]
    [InlineData("/\t/evil.example/x", "/")]
    [InlineData("/\n/evil.example/x", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("/probe/page?tab=transfers&from=2026-01-01", "/probe/page?tab=transfers&from=2026-01-01")]
    public async Task After_signing_in_the_pages_follow_only_a_local_path(string returnUrl, string expected)
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);

        var toProvider = await browser.OpenAsync("account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var toSignIn = await browser.FollowAsync(toProvider);
        var backToAuthorize = await browser.SignInAsync(browser.Redirected(toSignIn), "bob", DemoTokens.Passwords["bob"]);
        var toCallback = await browser.FollowAsync(backToAuthorize);
        var afterSignIn = await browser.FollowAsync(toCallback);

        Assert.Equal(HttpStatusCode.Redirect, afterSignIn.StatusCode);
        // As sent: a browser, not HttpClient's parser, would read this header.
        Assert.Equal(expected, Assert.Single(afterSignIn.Headers.NonValidated["Location"]));
    }
}
