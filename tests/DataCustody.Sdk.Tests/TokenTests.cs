using DataCustody.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Sdk.Tests;

public sealed class TokenTests : IAsyncLifetime
{
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Concurrent_requests_share_one_token()
    {
        await using var sdk = SdkHost.Create(_gateway);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sdk.Provider.GetObligationsAsync())));

        Assert.Equal(1, _gateway.TokensIssued);
        Assert.All(_gateway.Requests.Where(r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal)), r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task A_token_due_for_renewal_is_renewed_once_under_concurrency()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _gateway.TokenLifetimeSeconds = 300;
        await using var sdk = SdkHost.Create(_gateway, o => o.TokenRenewalMargin = TimeSpan.FromSeconds(60), s => s.AddSingleton<TimeProvider>(clock));
        await sdk.Provider.GetObligationsAsync();

        clock.Advance(TimeSpan.FromSeconds(239));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => sdk.Provider.GetObligationsAsync())));
        Assert.Equal(1, _gateway.TokensIssued);

        // Within the renewal margin of the expiry: renewed ahead of time, by one request for all callers.
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sdk.Provider.GetObligationsAsync())));

        Assert.Equal(2, _gateway.TokensIssued);
        Assert.Equal(20, _gateway.Requests.TakeLast(20).Count(r => r.Authorization == "Bearer token-2"));
    }

    [Fact]
    public async Task A_token_due_for_renewal_serves_until_it_expires_while_the_token_endpoint_is_down()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _gateway.TokenLifetimeSeconds = 300;
        await using var sdk = SdkHost.Create(_gateway, o =>
        {
            o.TokenRenewalMargin = TimeSpan.FromSeconds(60);
            o.MaxRetryAttempts = 0;
        }, s => s.AddSingleton<TimeProvider>(clock));
        var tokens = sdk.Services.GetRequiredService<ClientCredentialsTokenSource>();
        await sdk.Provider.GetObligationsAsync();
        _gateway.TokenEndpointDown = true;

        // Within the renewal margin: the renewal fails, but the token has most of a minute left.
        clock.Advance(TimeSpan.FromSeconds(241));
        await sdk.Provider.GetObligationsAsync();
        await sdk.Provider.GetObligationsAsync();

        Assert.Equal("Bearer token-1", _gateway.Requests.Last().Authorization);
        // The second call did not ask again: the next attempt waits until halfway to the expiry.
        Assert.Equal(2, tokens.Requests);

        clock.Advance(TimeSpan.FromSeconds(60));
        var problem = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.GetObligationsAsync());
        Assert.Equal(503, problem.Status);
    }

    [Fact]
    public async Task A_refused_token_is_replaced_and_the_request_sent_again()
    {
        await using var sdk = SdkHost.Create(_gateway);
        await sdk.Provider.GetObligationsAsync();
        _gateway.Revoke("token-1");

        await sdk.Provider.GetObligationsAsync();

        Assert.Equal(2, _gateway.TokensIssued);
        Assert.Equal("Bearer token-2", _gateway.Requests.Last().Authorization);
    }

    [Fact]
    public async Task A_wrong_secret_is_reported_as_a_problem()
    {
        await using var sdk = SdkHost.Create(_gateway, o => o.ClientSecret = "wrong");

        var problem = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.GetObligationsAsync());

        Assert.Equal(400, problem.Status);
        Assert.Contains("invalid_client", problem.Title, StringComparison.Ordinal);
    }
}
