using System.Text.Json;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Sdk.Tests;

public sealed class ProviderClientTests : IAsyncLifetime
{
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Concurrent_submissions_share_batches_and_each_caller_gets_its_own_entry()
    {
        await using var sdk = SdkHost.Create(_gateway, o => o.MaxBatchDelay = TimeSpan.FromMilliseconds(30));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => sdk.Provider.SubmitAsync(SdkHost.Collected($"col-{i}")))));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"col-{i}"), results.Select(r => r.StatementId));
        Assert.All(results, r => Assert.Equal(StatementStatus.Recorded, r.Status));
        Assert.Equal(40, results.Select(r => r.EntryIndex).Distinct().Count());
        var posts = _gateway.Requests.Where(r => r.PathAndQuery == "/api/v1/statements").ToList();
        Assert.InRange(posts.Count, 1, 39);
    }

    [Fact]
    public async Task Statements_are_sent_as_compact_jws_signed_with_the_providers_key_and_kid()
    {
        await using var sdk = SdkHost.Create(_gateway);

        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-signed"));

        var post = Assert.Single(_gateway.Requests, r => r.PathAndQuery == "/api/v1/statements");
        using var body = JsonDocument.Parse(post.Body);
        var jws = CompactJws.Parse(Assert.Single(body.RootElement.GetProperty("statements").EnumerateArray()).GetString()!);
        Assert.Equal("shop-key-1", jws.KeyId);
        Assert.True(jws.Verify(PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(ToStandard(sdk.Key.PublicKeyBase64Url)), KeyBlobFormat.RawPublicKey)));
        using var payload = JsonDocument.Parse(jws.Payload);
        Assert.Equal("col-signed", payload.RootElement.GetProperty("id").GetString());
        Assert.Equal("data.collected", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal("Bearer token-1", post.Authorization);
        Assert.Equal(StatementStatus.Recorded, result.Status);
    }

    [Fact]
    public async Task A_statement_for_another_provider_is_refused_before_anything_is_sent()
    {
        await using var sdk = SdkHost.Create(_gateway);

        await Assert.ThrowsAsync<ArgumentException>(() => sdk.Provider.SubmitAsync(SdkHost.Collected("col-x", provider: "someone-else")));

        Assert.Empty(_gateway.Requests);
    }

    [Fact]
    public async Task SubmitBatch_splits_at_the_batch_size_and_returns_results_in_order()
    {
        await using var sdk = SdkHost.Create(_gateway, o => o.MaxBatchSize = 3);

        var results = await sdk.Provider.SubmitBatchAsync(Enumerable.Range(0, 7).Select(i => SdkHost.Collected($"col-{i}")));

        Assert.Equal(Enumerable.Range(0, 7), results.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"col-{i}"), results.Select(r => r.StatementId));
        Assert.Equal(3, _gateway.Requests.Count(r => r.PathAndQuery == "/api/v1/statements"));
    }

    [Fact]
    public async Task A_problem_answer_surfaces_status_title_detail_and_field()
    {
        await using var sdk = SdkHost.Create(_gateway);

        var problem = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.CheckTransferAsync(
            new TransferCheck("h_ujzdegxdncf32epf3dhodzdoci", "mailer", ["not.a.category"], ["marketing"])));

        Assert.Equal(400, problem.Status);
        Assert.Equal("Invalid request", problem.Title);
        Assert.Equal("categories[0] must be a fideslang data category key", problem.Detail);
        Assert.Equal("categories[0]", problem.Field);
    }

    [Fact]
    public async Task Register_remembers_the_provider_id()
    {
        await using var sdk = SdkHost.Create(_gateway, o => o.ProviderId = null);

        var provider = await sdk.Provider.RegisterAsync(new ProviderRegistration("Shop", "JP", "Retail", "privacy@shop.example"));
        var obligations = await sdk.Provider.GetObligationsAsync();

        Assert.Equal("shop", provider.ProviderId);
        Assert.Equal(3, provider.RegisteredIndex);
        Assert.Empty(obligations);
        Assert.Contains(_gateway.Requests, r => r.PathAndQuery == "/api/v1/providers/shop/obligations");
    }

    private static string ToStandard(string base64Url) => base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);
}
