using System.Net.Http.Headers;

namespace DataCustody.Testing;

/// <summary>
/// Tokens for the demo accounts and clients of <c>gateway/DataCustody.Gateway/identity.demo.json</c>
/// from a running embedded provider, for tests of the gateway's API.
/// </summary>
public static class DemoTokens
{
    /// <summary>The public client for command-line tools, and its one registered redirect URI.</summary>
    public const string CliClientId = "custody-cli";

    /// <summary>The redirect URI of <see cref="CliClientId"/>; nothing listens there, the test reads the redirect.</summary>
    public const string CliRedirectUri = "http://127.0.0.1:7890/callback";

    /// <summary>The demo people's passwords, as the README states them.</summary>
    public static IReadOnlyDictionary<string, string> Passwords { get; } = new Dictionary<string, string>
    {
        ["alice"] = "alice-demo",
        ["bob"] = "bob-demo",
        ["regina"] = "regina-demo",
        ["audrey"] = "audrey-demo",
    };

    /// <summary>The demo provider clients' secrets, as the README states them.</summary>
    public static IReadOnlyDictionary<string, string> ClientSecrets { get; } = new Dictionary<string, string>
    {
        ["shop"] = "shop-demo-secret",
        ["delivery"] = "delivery-demo-secret",
        ["cloud"] = "cloud-demo-secret",
        ["backup"] = "backup-demo-secret",
    };

    /// <summary>A client-credentials access token for a demo provider client (<c>shop</c>, <c>delivery</c>, ...).</summary>
    public static async Task<string> ForClientAsync(Uri provider, string clientId)
    {
        using var http = new HttpClient { BaseAddress = provider };
        using var response = await http.PostAsync("connect/token", ClientCredentials(clientId, ClientSecrets[clientId]));
        return (await AuthorizationCodeClient.ReadTokensAsync(response)).AccessToken;
    }

    /// <summary>Tokens for a demo person (<c>alice</c>, <c>regina</c>, ...), signed in through the form as <see cref="CliClientId"/>.</summary>
    public static Task<TokenSet> ForPersonAsync(Uri provider, string username) => ForPersonAsync(provider, username, Passwords[username]);

    /// <summary>
    /// Tokens for any account the provider was configured with (<c>Identity:Accounts</c>), signed in
    /// through the form as <see cref="CliClientId"/> with <paramref name="password"/>.
    /// </summary>
    public static async Task<TokenSet> ForPersonAsync(Uri provider, string username, string password)
    {
        using var browser = new AuthorizationCodeClient(provider);
        var (verifier, challenge) = AuthorizationCodeClient.NewPkce();
        var code = await browser.SignInForCodeAsync(CliClientId, CliRedirectUri, challenge, username, password);
        using var response = await browser.RedeemCodeAsync(CliClientId, CliRedirectUri, code, verifier);
        return await AuthorizationCodeClient.ReadTokensAsync(response);
    }

    /// <summary>An HTTP client for <paramref name="baseAddress"/> that sends <paramref name="accessToken"/>.</summary>
    public static HttpClient WithBearer(Uri baseAddress, string accessToken) => new()
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
    };

    /// <summary>A client-credentials token request body.</summary>
    public static FormUrlEncodedContent ClientCredentials(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });
}
