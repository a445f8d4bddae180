using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>Tests that need a provider of their own: restarted, or with a small sign-in limit.</summary>
public sealed class HostLifetimeTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;

    [Fact]
    public async Task A_token_issued_before_a_restart_validates_after_it()
    {
        string token;
        string kidBefore;
        int port;
        await using (var before = await IdentityHost.StartAsync(_dataFolder))
        {
            port = before.BaseAddress.Port;
            token = await DemoTokens.ForClientAsync(before.BaseAddress, "cloud");
            kidBefore = (await SigningKeyIds.PublishedAsync(before.BaseAddress))[0];
        }

        await using var after = await IdentityHost.StartAsync(_dataFolder, port);
        using var client = DemoTokens.WithBearer(after.BaseAddress, token);
        var response = await client.GetAsync(IdentityHost.ProviderProbe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([kidBefore], await SigningKeyIds.PublishedAsync(after.BaseAddress));
        Assert.Equal(kidBefore, SigningKeyIds.Of(token));
    }

    [Fact]
    public async Task A_code_redeemed_before_a_restart_stays_redeemed()
    {
        string code;
        string verifier;
        int port;
        await using (var before = await IdentityHost.StartAsync(_dataFolder))
        {
            port = before.BaseAddress.Port;
            using var browser = new AuthorizationCodeClient(before.BaseAddress);
            (verifier, var challenge) = AuthorizationCodeClient.NewPkce();
            code = await browser.SignInForCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge, "audrey", DemoTokens.Passwords["audrey"]);
            Assert.Equal(HttpStatusCode.OK, (await browser.RedeemCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, code, verifier)).StatusCode);
        }

        await using var after = await IdentityHost.StartAsync(_dataFolder, port);
        using var again = new AuthorizationCodeClient(after.BaseAddress);
        var replayed = await again.RedeemCodeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_grant", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_a_problem()
    {
        await using var host = await IdentityHost.StartAsync(_dataFolder, signInPermitLimit: 2);
        using var browser = new AuthorizationCodeClient(host.BaseAddress);
        var (_, challenge) = AuthorizationCodeClient.NewPkce();
        var form = browser.Redirected(await browser.AuthorizeAsync(DemoTokens.CliClientId, DemoTokens.CliRedirectUri, challenge));

        var first = await browser.SignInAsync(form, "alice", "guess-1");
        var second = await browser.SignInAsync(form, "alice", "guess-2");
        var third = await browser.SignInAsync(form, "alice", DemoTokens.Passwords["alice"]);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Null(third.Headers.Location);
    }

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);
}
