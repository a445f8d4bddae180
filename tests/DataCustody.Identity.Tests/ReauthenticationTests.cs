using System.Web;
using DataCustody.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>
/// <c>prompt=login</c> and <c>max_age</c> (OpenID Connect Core §3.1.2.1): a person signed in to the
/// provider signs in again when the client asks, on a clock the test moves.
/// </summary>
public sealed class ReauthenticationTests : IAsyncLifetime
{
    private const string Client = DemoTokens.CliClientId;
    private const string RedirectUri = DemoTokens.CliRedirectUri;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;
    // Whole seconds, as auth_time counts them.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private IdentityHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IdentityHost.StartAsync(_dataFolder, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Prompt_login_sends_a_signed_in_person_to_the_form_and_the_new_sign_in_is_the_one_the_token_names()
    {
        using var browser = new AuthorizationCodeClient(_host.BaseAddress);
        var (_, firstChallenge) = AuthorizationCodeClient.NewPkce();
        await browser.SignInForCodeAsync(Client, RedirectUri, firstChallenge, "alice", DemoTokens.Passwords["alice"]);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();

        var toSignIn = await browser.AuthorizeAsync(Client, RedirectUri, challenge, prompt: "login");
        var backToAuthorize = await browser.SignInAsync(browser.Redirected(toSignIn), "alice", DemoTokens.Passwords["alice"]);
        var toClient = await browser.FollowAsync(backToAuthorize);
        var code = HttpUtility.ParseQueryString(browser.Redirected(toClient).Query)["code"];
        var tokens = await AuthorizationCodeClient.ReadTokensAsync(await browser.RedeemCodeAsync(Client, RedirectUri, code!, verifier));

        Assert.Equal("/connect/signin", browser.Redirected(toSignIn).AbsolutePath);
        Assert.StartsWith(RedirectUri + "?", browser.Redirected(toClient).ToString(), StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), AuthorizationCodeClient.Claims(tokens.IdentityToken!).GetProperty("auth_time").GetInt64());
    }

    [Fact]
    public async Task A_sign_in_older_than_max_age_must_be_repeated_and_a_younger_one_is_named_in_the_token()
    {
        using var browser = new AuthorizationCodeClient(_host.BaseAddress);
        var (_, firstChallenge) = AuthorizationCodeClient.NewPkce();
        await browser.SignInForCodeAsync(Client, RedirectUri, firstChallenge, "bob", DemoTokens.Passwords["bob"]);
        var signedIn = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();

        var tooOld = await browser.AuthorizeAsync(Client, RedirectUri, challenge, maxAge: TimeSpan.FromMinutes(1));
        var youngEnough = await browser.AuthorizeAsync(Client, RedirectUri, challenge, maxAge: TimeSpan.FromMinutes(10));
        var code = HttpUtility.ParseQueryString(browser.Redirected(youngEnough).Query)["code"];
        var tokens = await AuthorizationCodeClient.ReadTokensAsync(await browser.RedeemCodeAsync(Client, RedirectUri, code!, verifier));

        Assert.Equal("/connect/signin", browser.Redirected(tooOld).AbsolutePath);
        Assert.StartsWith(RedirectUri + "?", browser.Redirected(youngEnough).ToString(), StringComparison.Ordinal);
        Assert.Equal(signedIn.ToUnixTimeSeconds(), AuthorizationCodeClient.Claims(tokens.IdentityToken!).GetProperty("auth_time").GetInt64());
    }
}
