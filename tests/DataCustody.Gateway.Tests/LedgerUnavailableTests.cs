using System.Net;
using System.Net.Http.Json;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>
/// A gateway whose ledger refuses every append: a deadline of one tick has passed before the
/// commit loop, on another thread, takes any append.
/// </summary>
public sealed class LedgerUnavailableTests() : OwnGateway(new Dictionary<string, string> { ["Ledger__AppendDeadline"] = "00:00:00.0000001" })
{
    [Fact]
    public async Task A_write_the_ledger_cannot_take_is_a_503_problem_with_Retry_After_and_leaves_nothing_behind()
    {
        using var shop = DemoTokens.WithBearer(Gateway.BaseAddress, await DemoTokens.ForClientAsync(Gateway.BaseAddress, "shop"));

        using var refused = await shop.PostAsJsonAsync("api/v1/providers", new { name = "Shop", jurisdiction = "JP", sector = "Retail", contact = "privacy@shop.example" });

        await Problems.AssertAsync(refused, HttpStatusCode.ServiceUnavailable, field: "$");
        Assert.True(refused.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero, "Retry-After is missing");
        using var registration = await shop.GetAsync("api/v1/providers/shop");
        Assert.Equal(HttpStatusCode.NotFound, registration.StatusCode);
    }
}
