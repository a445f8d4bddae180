using System.Net;
using System.Web;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

public sealed class SignOutTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private string SignedOutPage => new Uri(fixture.BaseAddress, "signout-callback-oidc").ToString();

    private string SignOutRequest => $"connect/endsession?client_id=custody-web&post_logout_redirect_uri={Uri.EscapeDataString(SignedOutPage)}";

    [Fact]
    public async Task A_sign_out_request_without_a_hint_asks_the_person_first()
    {
        using var browser = await SignedInAsync("alice");

        var question = await browser.OpenAsync(SignOutRequest);

        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("Sign out?", await question.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Confirming_on_the_providers_form_ends_the_session_and_returns_to_the_registered_address()
    {
        using var browser = await SignedInAsync("alice");
        var question = await (await browser.OpenAsync(SignOutRequest)).Content.ReadAsStringAsync();

        var signOut = await browser.SubmitFormAsync(question, new Dictionary<string, string> { ["confirm"] = "yes" });

        Assert.Equal(SignedOutPage, browser.Redirected(signOut).GetLeftPart(UriPartial.Path));
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task A_confirmation_posted_from_another_site_does_not_end_the_session()
    {
        using var browser = await SignedInAsync("alice");

        var forged = await browser.PostFormAsync("connect/endsession", new Dictionary<string, string>
        {
            ["client_id"] = "custody-web",
            ["post_logout_redirect_uri"] = SignedOutPage,
            ["confirm"] = "yes",
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
        Assert.True(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task A_hint_naming_the_signed_in_person_ends_the_session_at_once()
    {
        using var browser = await SignedInAsync("alice");
        var hint = await IdentityTokenAsync(browser);

        var signOut = await browser.OpenAsync($"connect/endsession?id_token_hint={Uri.EscapeDataString(hint)}");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task A_hint_naming_someone_else_asks_the_person_first()
    {
        using var alice = await SignedInAsync("alice");
        using var bob = await SignedInAsync("bob");
        var bobsHint = await IdentityTokenAsync(bob);

        var question = await alice.OpenAsync($"connect/endsession?id_token_hint={Uri.EscapeDataString(bobsHint)}");

        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.True(await IsSignedInAsync(alice));
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

    private async Task<AuthorizationCodeClient> SignedInAsync(string username)
    {
        var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();
        await browser.SignInForCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge, username, DemoTokens.Passwords[username]);
        return browser;
    }

    // With a session, the provider answers an authorization request with a code at once; without, with its sign-in form.
    private static async Task<bool> IsSignedInAsync(AuthorizationCodeClient browser)
    {
        var (_, challenge) = AuthorizationCodeClient.NewPkce();
        var answer = browser.Redirected(await browser.AuthorizeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge));
        if (answer.AbsolutePath == "/connect/signin")
        {
            return false;
        }
        Assert.StartsWith(DemoTokens.CliRedirectUri + "?code=", answer.ToString(), StringComparison.Ordinal);
        return true;
    }

    private static async Task<string> IdentityTokenAsync(AuthorizationCodeClient browser)
    {
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();
        var code = HttpUtility.ParseQueryString(browser.Redirected(await browser.AuthorizeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge)).Query)["code"]!;
        var tokens = await AuthorizationCodeClient.ReadTokensAsync(await browser.RedeemCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, code, verifier));
        return tokens.IdentityToken ?? throw new InvalidOperationException("The provider issued no ID token.");
    }
}
