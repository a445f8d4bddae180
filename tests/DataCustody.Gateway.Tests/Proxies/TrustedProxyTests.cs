using System.Net;
using System.Web;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests.Proxies;

/// <summary>A gateway behind a reverse proxy at 127.0.0.2, with small per-address limits.</summary>
public sealed class TrustedProxyTests() : OwnGateway(new Dictionary<string, string>
{
    ["Gateway__TrustedProxies__0"] = Proxy.ToString(),
    ["Identity__SignInPermitLimit"] = "2",
    ["Identity__SignInWindow"] = "01:00:00",
    ["Identity__ClientAuthenticationFailureLimit"] = "2",
    ["Identity__ClientAuthenticationFailureWindow"] = "01:00:00",
})
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Each_client_behind_the_proxy_has_a_sign_in_limit_of_its_own()
    {
        using var proxy = LoopbackClient.From(Proxy, Gateway.BaseAddress);

        var first = new[]
        {
            await ForwardedRequests.SignInAsync(proxy, "203.0.113.10"),
            await ForwardedRequests.SignInAsync(proxy, "203.0.113.10"),
            await ForwardedRequests.SignInAsync(proxy, "203.0.113.10"),
        };
        var other = await ForwardedRequests.SignInAsync(proxy, "203.0.113.20");
        // The proxy adds the address it saw to what the client sent: naming another before it changes nothing.
        var firstPosingAsOther = await ForwardedRequests.SignInAsync(proxy, "203.0.113.20, 203.0.113.10");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstPosingAsOther);
    }

    [Fact]
    public async Task Each_client_behind_the_proxy_has_a_client_authentication_limit_of_its_own()
    {
        using var proxy = LoopbackClient.From(Proxy, Gateway.BaseAddress);

        var guesses = new[]
        {
            await ForwardedRequests.TokenAsync(proxy, "198.51.100.10", "shop", "guess-1"),
            await ForwardedRequests.TokenAsync(proxy, "198.51.100.10", "shop", "guess-2"),
            await ForwardedRequests.TokenAsync(proxy, "198.51.100.10", "shop", DemoTokens.ClientSecrets["shop"]),
        };
        var shop = await ForwardedRequests.TokenAsync(proxy, "198.51.100.20", "shop", DemoTokens.ClientSecrets["shop"]);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.OK, shop);
    }

    [Fact]
    public async Task Another_address_on_the_machine_is_no_proxy_unless_listed()
    {
        // 127.0.0.1 is loopback, as the listed proxy is, and the framework would trust it by default.
        var attempts = new[]
        {
            await ForwardedRequests.SignInAsync(Gateway.Http, "192.0.2.10"),
            await ForwardedRequests.SignInAsync(Gateway.Http, "192.0.2.20"),
            await ForwardedRequests.SignInAsync(Gateway.Http, "192.0.2.30"),
        };

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], attempts);
    }

    [Fact]
    public async Task Behind_a_proxy_that_ends_TLS_the_pages_sign_in_comes_back_over_https_with_secure_cookies()
    {
        using var proxy = LoopbackClient.From(Proxy, Gateway.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "account/signin");
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var challenge = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(
            $"https://{Gateway.BaseAddress.Authority}/signin-oidc",
            HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["redirect_uri"]);
        Assert.All(challenge.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
