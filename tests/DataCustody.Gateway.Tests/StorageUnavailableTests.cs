using System.Net;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>A gateway on PostgreSQL whose server goes down for a while, and comes back on the same port.</summary>
public sealed class StorageUnavailableTests : IAsyncLifetime
{
    private const string View = "api/v1/compliance/unconfirmed-hops";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ThrowawayPostgres _postgres = null!;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync(durable: false);
        _gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = _postgres.ConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task While_the_storage_is_down_a_view_is_a_503_problem_with_Retry_After_and_serves_again_once_it_is_back()
    {
        using var regulator = DemoTokens.WithBearer(_gateway.BaseAddress, (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "regina")).AccessToken);
        using (var before = await regulator.GetAsync(View))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        await _postgres.StopAsync();

        using var refused = await regulator.GetAsync(View);

        await Problems.AssertAsync(refused, HttpStatusCode.ServiceUnavailable, field: "$");
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        await _postgres.StartAgainAsync();
        // Pooled connections the stop cut fail once each before the pool opens new ones.
        var status = await Eventually.UntilAsync(() => StatusAsync(regulator), s => s != HttpStatusCode.ServiceUnavailable, Patience, "the view once the server is back");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync(View);
        return response.StatusCode;
    }
}
