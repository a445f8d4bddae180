using System.Net;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>A gateway that keeps at most two connections open.</summary>
public sealed class ConnectionLimitTests() : OwnGateway(new Dictionary<string, string> { ["Api__MaxConnections"] = "2" })
{
    [Fact]
    public async Task A_connection_over_the_limit_is_closed_and_one_is_accepted_once_another_closes()
    {
        using var first = OneConnection();
        using var second = OneConnection();
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("health")).StatusCode);

        using var third = OneConnection();
        await Assert.ThrowsAsync<HttpRequestException>(() => third.GetAsync("health"));

        first.Dispose();
        var answer = await Eventually.UntilAsync(
            async () => { try { return (await third.GetAsync("health")).StatusCode; } catch (HttpRequestException) { return (HttpStatusCode?)null; } },
            status => status is not null, TimeSpan.FromSeconds(10), "a connection once the first one closed");
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("health")).StatusCode);
    }

    // Each client holds one kept-alive connection of its own.
    private HttpClient OneConnection() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = Gateway.BaseAddress,
    };
}
