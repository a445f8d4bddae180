using System.Text.Json;
using DataCustody.Sdk.Models;
using Polly.CircuitBreaker;

namespace DataCustody.Sdk.Tests;

public sealed class RetryTests : IAsyncLifetime
{
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_batch_refused_with_503_is_sent_again_with_the_same_statements()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.FailNext(503);

        var results = await sdk.Provider.SubmitBatchAsync([SdkHost.Collected("col-1"), SdkHost.Collected("col-2")]);

        var posts = StatementPosts();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(["col-1", "col-2"], results.Select(r => r.StatementId));
        Assert.All(results, r => Assert.Equal(StatementStatus.Recorded, r.Status));
    }

    [Fact]
    public async Task A_batch_logged_but_answered_with_503_gets_the_original_entries_as_duplicates()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.FailNext(503, afterLogging: true);

        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var again = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));

        // The retry, and a later resubmission, carry the same bytes: signing is deterministic and the payload canonical.
        var posts = StatementPosts();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.Equal(posts[0].Body, p.Body));
        Assert.Equal(StatementStatus.Duplicate, result.Status);
        Assert.Equal(0, result.EntryIndex);
        Assert.Equal(StatementStatus.Duplicate, again.Status);
        Assert.Equal(result.EntryIndex, again.EntryIndex);
        Assert.Equal(result.LeafHash, again.LeafHash);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.FailNext(429, retryAfter: "1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));

        Assert.Equal(StatementStatus.Recorded, result.Status);
        Assert.Equal(2, StatementPosts().Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the Retry-After of 1 s");
    }

    [Fact]
    public async Task Back_pressure_does_not_open_the_circuit_but_failures_do()
    {
        // Two failed attempts open the circuit, for longer than the test runs.
        await using var sdk = SdkHost.Create(_gateway, services: SdkHost.TripCircuitEarly(DataCustodyProviderClient.HttpClientName, TimeSpan.FromMinutes(5)));
        _gateway.FailNext(503, retryAfter: "1");
        _gateway.FailNext(503, retryAfter: "1");

        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));

        Assert.Equal(StatementStatus.Recorded, result.Status);
        Assert.Equal(3, StatementPosts().Count);

        _gateway.FailNext(500);
        _gateway.FailNext(500);

        await Assert.ThrowsAsync<BrokenCircuitException>(() => sdk.Provider.SubmitAsync(SdkHost.Collected("col-2")));
    }

    [Fact]
    public async Task A_request_that_is_not_safe_to_repeat_is_not_retried()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.FailNext(503);

        var problem = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.RegisterAsync(new ProviderRegistration("Shop", "JP", "Retail", "privacy@shop.example")));

        Assert.Equal(503, problem.Status);
        Assert.Single(_gateway.Requests, r => r.PathAndQuery == "/api/v1/providers");
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_fails_each_caller_after_the_retries()
    {
        await using var sdk = SdkHost.Create(_gateway, o => o.MaxRetryAttempts = 2);
        for (var i = 0; i < 3; i++)
        {
            _gateway.FailNext(503);
        }

        var problem = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.SubmitAsync(SdkHost.Collected("col-1")));

        Assert.Equal(503, problem.Status);
        Assert.Equal(3, StatementPosts().Count);
    }

    [Fact]
    public async Task A_batch_too_large_for_the_gateway_is_sent_again_in_halves()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.FailNext(413);

        var results = await sdk.Provider.SubmitBatchAsync([.. Enumerable.Range(0, 5).Select(i => SdkHost.Collected($"col-{i}"))]);

        var posts = StatementPosts();
        Assert.Equal(3, posts.Count);
        Assert.Equal(Enumerable.Range(0, 5), results.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"col-{i}"), results.Select(r => r.StatementId));
        Assert.All(results, r => Assert.Equal(StatementStatus.Recorded, r.Status));
    }

    private List<FakeGateway.RecordedRequest> StatementPosts()
    {
        var posts = _gateway.Requests.Where(r => r.PathAndQuery == "/api/v1/statements").ToList();
        foreach (var post in posts)
        {
            using var _ = JsonDocument.Parse(post.Body);
        }
        return posts;
    }
}
