using System.Net;

namespace DataCustody.Gateway.Tests.Proxies;

/// <summary>A gateway trusting no proxy, as it starts by default, with a small sign-in limit.</summary>
public sealed class SpoofedClientAddressTests() : OwnGateway(new Dictionary<string, string>
{
    ["Identity__SignInPermitLimit"] = "2",
    ["Identity__SignInWindow"] = "01:00:00",
})
{
    [Fact]
    public async Task A_client_naming_other_addresses_in_X_Forwarded_For_still_spends_its_own_sign_in_limit()
    {
        // The test connects from loopback, which the framework would trust as a proxy unless told otherwise.
        var attempts = new[]
        {
            await ForwardedRequests.SignInAsync(Gateway.Http, "203.0.113.10"),
            await ForwardedRequests.SignInAsync(Gateway.Http, "203.0.113.20"),
            await ForwardedRequests.SignInAsync(Gateway.Http, "203.0.113.30"),
            await ForwardedRequests.SignInAsync(Gateway.Http, "127.0.0.1, 203.0.113.40"),
            await ForwardedRequests.SignInAsync(Gateway.Http, null),
        };

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            attempts);
    }
}
