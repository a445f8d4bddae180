using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

public sealed class AuthorizationCodeTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const string Client = DemoTokens.CliClientId;
    private const string RedirectUri = DemoTokens.CliRedirectUri;
    private const string AlicePersonId = "9d1316f9-4768-40ce-b3af-aa7111ae7fc2";

    [Fact]
    public async Task A_person_signs_in_through_the_form_and_gets_tokens_naming_them_and_their_role()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();

        var toSignIn = await browser.AuthorizeAsync(Client, RedirectUri, challenge);
        var form = browser.Redirected(toSignIn);
        var backToAuthorize = await browser.SignInAsync(form, "alice", DemoTokens.Passwords["alice"]);
        var toClient = await browser.FollowAsync(backToAuthorize);
        var code = HttpUtility.ParseQueryString(browser.Redirected(toClient).Query)["code"];
        var tokens = await AuthorizationCodeClient.ReadTokensAsync(await browser.RedeemCodeAsync(Client, RedirectUri, code!, verifier));

        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal("/connect/signin", form.AbsolutePath);
        Assert.StartsWith(RedirectUri + "?", browser.Redirected(toClient).ToString(), StringComparison.Ordinal);
        var access = AuthorizationCodeClient.Claims(tokens.AccessToken);
        var identity = AuthorizationCodeClient.Claims(tokens.IdentityToken!);
        Assert.Equal(AlicePersonId, access.GetProperty("sub").GetString());
        Assert.Equal("citizen", access.GetProperty("role").GetString());
        Assert.Equal("datacustody-api", access.GetProperty("aud").GetString());
        Assert.Equal(AlicePersonId, identity.GetProperty("sub").GetString());
        Assert.Equal("citizen", identity.GetProperty("role").GetString());
        Assert.Equal(Client, identity.GetProperty("aud").GetString());
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task A_code_is_redeemed_once_only()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();
        var code = await browser.SignInForCodeAsync(Client, RedirectUri, challenge, "bob", DemoTokens.Passwords["bob"]);

        var first = await browser.RedeemCodeAsync(Client, RedirectUri, code, verifier);
        var second = await browser.RedeemCodeAsync(Client, RedirectUri, code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Of_concurrent_redemptions_of_one_code_exactly_one_succeeds()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();
        var code = await browser.SignInForCodeAsync(Client, RedirectUri, challenge, "alice", DemoTokens.Passwords["alice"]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => browser.RedeemCodeAsync(Client, RedirectUri, code, verifier)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task A_code_needs_the_verifier_of_its_challenge()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();
        var (otherVerifier, _) = AuthorizationCodeClient.NewPkce();
        var code = await browser.SignInForCodeAsync(Client, RedirectUri, challenge, "alice", DemoTokens.Passwords["alice"]);

        var response = await browser.RedeemCodeAsync(Client, RedirectUri, code, otherVerifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task Plain_PKCE_is_refused(string? method)
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (verifier, _) = AuthorizationCodeClient.NewPkce();

        var response = await browser.AuthorizeAsync(Client, RedirectUri, codeChallenge: verifier, codeChallengeMethod: method);

        Assert.Equal("invalid_request", ErrorOf(browser, response));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7890/callbacks")]
    [InlineData("http://127.0.0.1:7891/callback")]
    [InlineData("http://127.0.0.1:7890/Callback")]
    [InlineData("https://127.0.0.1:7890/callback")]
    public async Task A_redirect_uri_differing_by_one_character_is_refused_without_a_redirect(string redirectUri)
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();

        var response = await browser.AuthorizeAsync(Client, redirectUri, challenge);

        // An error must not be sent to an unregistered address either.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task An_unknown_client_is_refused()
    {
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();

        var response = await browser.AuthorizeAsync("intruder", RedirectUri, challenge);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error:invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_generic_answer()
    {
        using var wrongPassword = new AuthorizationCodeClient(fixture.BaseAddress);
        using var unknownUser = new AuthorizationCodeClient(fixture.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();

        var refused = await wrongPassword.SignInAsync(wrongPassword.Redirected(await wrongPassword.AuthorizeAsync(Client, RedirectUri, challenge)), "alice", "bob-demo");
        var unknown = await unknownUser.SignInAsync(unknownUser.Redirected(await unknownUser.AuthorizeAsync(Client, RedirectUri, challenge)), "mallory", "bob-demo");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(refused.StatusCode, unknown.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("The username or password is not correct.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("The username or password is not correct.", unknownPage, StringComparison.Ordinal);
        Assert.Equal(Normalised(refusedPage, "alice"), Normalised(unknownPage, "mallory"));
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("datacustody.provider=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        var response = await http.PostAsync("connect/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "alice",
            ["password"] = DemoTokens.Passwords["alice"],
            ["returnUrl"] = "/connect/authorize?client_id=custody-cli",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_sign_in_form_returns_to_this_provider_only()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        var response = await http.GetAsync("connect/signin?returnUrl=" + Uri.EscapeDataString("https://evil.example/connect/authorize?x=1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_refresh_token_gives_new_tokens_once()
    {
        var tokens = await DemoTokens.ForPersonAsync(fixture.BaseAddress, "regina");
        using var browser = new AuthorizationCodeClient(fixture.BaseAddress);

        var refreshed = await AuthorizationCodeClient.ReadTokensAsync(await browser.RefreshAsync(Client, tokens.RefreshToken!));
        var replayed = await browser.RefreshAsync(Client, tokens.RefreshToken!);

        var access = AuthorizationCodeClient.Claims(refreshed.AccessToken);
        Assert.Equal("regulator", access.GetProperty("role").GetString());
        Assert.Equal("d31ec981-c54a-4b87-ae2d-4194f82aa2be", access.GetProperty("sub").GetString());
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_grant", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_token_passes_the_policy_of_their_role_only()
    {
        var tokens = await DemoTokens.ForPersonAsync(fixture.BaseAddress, "regina");
        using var regulator = DemoTokens.WithBearer(fixture.BaseAddress, tokens.AccessToken);

        var allowed = await regulator.GetAsync(IdentityHost.RegulatorProbe);
        var refused = await regulator.GetAsync(IdentityHost.ProviderProbe);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_identity_token_is_not_accepted_as_an_access_token()
    {
        var tokens = await DemoTokens.ForPersonAsync(fixture.BaseAddress, "regina");
        using var misuse = DemoTokens.WithBearer(fixture.BaseAddress, tokens.IdentityToken!);

        var response = await misuse.GetAsync(IdentityHost.RegulatorProbe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // An error of an authorization request goes to the client's (valid) redirect URI, or is shown here.
    private static string? ErrorOf(AuthorizationCodeClient browser, HttpResponseMessage response)
    {
        if (response.Headers.Location is null)
        {
            return response.StatusCode == HttpStatusCode.BadRequest ? "invalid_request" : $"status {(int)response.StatusCode}";
        }
        var query = HttpUtility.ParseQueryString(browser.Redirected(response).Query);
        Assert.Null(query["code"]);
        return query["error"];
    }

    // The pages differ only in the antiforgery token, the request's state and nonce, and the username typed.
    private static string Normalised(string page, string username) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"(__RequestVerificationToken|returnUrl)\" value=\"[^\"]*\"", string.Empty)
            .Replace($"value=\"{username}\"", "value=\"\"", StringComparison.Ordinal);
}
