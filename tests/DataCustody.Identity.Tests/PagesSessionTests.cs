using System.Net;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>How long the pages' cookie keeps a person signed in.</summary>
public sealed class PagesSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;
    private IdentityHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IdentityHost.StartAsync(_dataFolder, settings: new Dictionary<string, string?> { ["Identity:PagesSessionLifetime"] = Lifetime.ToString() });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_browser_left_alone_is_signed_out_of_the_pages_once_the_session_lifetime_has_passed()
    {
        using var browser = new AuthorizationCodeClient(_host.BaseAddress);
        var toSignIn = await browser.FollowAsync(await browser.OpenAsync(IdentityHost.PageProbe));
        var toPage = await browser.FollowAsync(await browser.FollowAsync(await browser.SignInAsync(browser.Redirected(toSignIn), "bob", DemoTokens.Passwords["bob"])));
        Assert.Equal("/" + IdentityHost.PageProbe, browser.Redirected(toPage).AbsolutePath);
        // The cookie as it was at sign-in, sent again and again: a browser nobody uses, which nothing renews.
        var cookie = browser.CookieHeader(IdentityHost.PageProbe);
        using var leftAlone = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };
        var signedIn = DateTimeOffset.UtcNow;

        var during = await OpenWithAsync(leftAlone, cookie);
        var after = await Eventually.UntilAsync(() => OpenWithAsync(leftAlone, cookie), r => r.StatusCode != HttpStatusCode.OK, Lifetime * 5, "the page to stop taking the cookie");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/connect/authorize", after.Headers.Location!.AbsolutePath);
        Assert.True(DateTimeOffset.UtcNow - signedIn >= Lifetime - TimeSpan.FromSeconds(1), "The cookie stopped working well before its lifetime.");
    }

    private static Task<HttpResponseMessage> OpenWithAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, IdentityHost.PageProbe);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
