using System.Net;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>A gateway with a tiny statement rate limit.</summary>
public sealed class StatementRateLimitTests() : OwnGateway(new Dictionary<string, string>
{
    ["Api__StatementBatchBurst"] = "2",
    ["Api__StatementBatchesPerSecond"] = "1",
})
{
    [Fact]
    public async Task A_client_over_its_statement_rate_gets_a_429_problem_with_Retry_After_and_others_do_not()
    {
        using var shop = DemoTokens.WithBearer(Gateway.BaseAddress, await DemoTokens.ForClientAsync(Gateway.BaseAddress, "shop"));
        using var delivery = DemoTokens.WithBearer(Gateway.BaseAddress, await DemoTokens.ForClientAsync(Gateway.BaseAddress, "delivery"));

        // A burst of 2 and 1 more per second: 6 immediate requests cannot all pass.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await shop.PostAsync("api/v1/statements", new StringContent("{\"statements\":[]}", System.Text.Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                response.Dispose();
            }
        }
        Assert.NotNull(limited);
        using (limited)
        {
            await Problems.AssertAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.True(limited.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero, "Retry-After is missing");
        }

        // The limit is per client: another provider is not affected.
        using var other = await delivery.PostAsync("api/v1/statements", new StringContent("{\"statements\":[]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }
}
