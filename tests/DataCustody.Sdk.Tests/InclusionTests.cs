using System.Net.Http.Headers;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Sdk.Receipts;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Tests;

public sealed class InclusionTests : IAsyncLifetime
{
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Waits_until_a_checkpoint_covers_the_entry_and_returns_a_receipt_that_verifies_offline()
    {
        await using var sdk = SdkHost.Create(_gateway);
        // No checkpoint at first (the log answers 503) until the fourth poll.
        _gateway.PublishOnPoll = 4;
        var first = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var second = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-2"));

        var receipt = await sdk.Provider.WaitForInclusionAsync(second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(_gateway.CheckpointPolls >= 4);
        Assert.Equal("col-2", receipt.StatementId);
        Assert.Equal(second.EntryIndex, receipt.EntryIndex);
        Assert.Equal(second.LeafHash, receipt.LeafHash);
        Assert.Equal(2, receipt.TreeSize);
        var logKey = NoteVerifierKey.Parse(_gateway.LogKey.Verifier.ToString());
        var verified = Receipt.Verify(receipt.ToJson(), logKey);
        Assert.Equal(("col-2", "shop"), (verified.StatementId, verified.Provider));
        Assert.Equal(first.EntryIndex, (await sdk.Provider.WaitForInclusionAsync(first)).EntryIndex);
    }

    [Fact]
    public async Task Waiting_polls_on_while_the_log_client_refuses_requests_with_its_circuit_open()
    {
        // No checkpoint (503) until the fourth poll; the first two open the circuit, which refuses polls for half a second at a time.
        await using var sdk = SdkHost.Create(_gateway, services: SdkHost.TripCircuitEarly(InclusionWaiter.HttpClientName, TimeSpan.FromMilliseconds(500)));
        _gateway.PublishOnPoll = 4;
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));

        var receipt = await sdk.Provider.WaitForInclusionAsync(result).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(_gateway.CheckpointPolls >= 4);
        Assert.Equal(result.EntryIndex, receipt.EntryIndex);
    }

    [Theory]
    [InlineData("/log/v1/checkpoint")]
    [InlineData("/log/v1/proof/inclusion")]
    public async Task Waiting_polls_on_when_a_log_request_outlives_the_clients_timeout(string path)
    {
        await using var sdk = SdkHost.Create(_gateway);
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gateway.HoldNext(path, release.Task);
        try
        {
            // Plain clients with their own timeout, as custody receipt fetch has: no resilience pipeline turns the timeout into a rejection.
            using var log = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
            using var provider = new HttpClient { BaseAddress = _gateway.Url };
            provider.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token-1");
            using var fetcher = new ReceiptFetcher(
                new LogClient(log, _gateway.Url), provider, NoteVerifierKey.Parse(_gateway.LogKey.Verifier.ToString()), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50));

            var receipt = await fetcher.FetchAsync(result.StatementId, result.EntryIndex!.Value, result.LeafHashBytes()).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(result.EntryIndex, receipt.EntryIndex);
            Assert.Equal(2, _gateway.Requests.Count(r => r.PathAndQuery.StartsWith(path, StringComparison.Ordinal)));
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_duplicate_result_is_waited_for_like_a_recorded_one()
    {
        await using var sdk = SdkHost.Create(_gateway);
        await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var duplicate = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));

        var receipt = await sdk.Provider.WaitForInclusionAsync(duplicate);

        Assert.Equal(StatementStatus.Duplicate, duplicate.Status);
        Assert.Equal(0, receipt.EntryIndex);
    }

    [Fact]
    public async Task A_proof_that_does_not_show_the_reported_entry_is_refused()
    {
        await using var sdk = SdkHost.Create(_gateway);
        await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-2"));
        _gateway.CorruptProofs = true;

        var failure = await Assert.ThrowsAsync<ReceiptVerificationException>(() => sdk.Provider.WaitForInclusionAsync(result));

        Assert.Equal(ReceiptFailure.BadInclusionProof, failure.Failure);
    }

    [Fact]
    public async Task An_entry_that_holds_another_statement_is_refused()
    {
        await using var sdk = SdkHost.Create(_gateway);
        await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-2"));
        _gateway.ServeEntryOf = "col-1";

        var failure = await Assert.ThrowsAsync<ReceiptVerificationException>(() => sdk.Provider.WaitForInclusionAsync(result));

        Assert.Equal(ReceiptFailure.EntryMismatch, failure.Failure);
    }

    [Fact]
    public async Task A_statement_whose_entry_the_broker_does_not_serve_is_refused_without_waiting_for_a_checkpoint()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.PublishOnPoll = int.MaxValue;
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        _gateway.ServeEntryOf = "col-unknown";

        var failure = await Assert.ThrowsAsync<DataCustodyProblemException>(() => sdk.Provider.WaitForInclusionAsync(result).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(404, failure.Status);
        Assert.Equal(0, _gateway.CheckpointPolls);
    }

    [Fact]
    public async Task A_rejected_statement_has_nothing_to_wait_for()
    {
        await using var sdk = SdkHost.Create(_gateway);
        var rejected = new StatementResult(0, "col-1", StatementStatus.Rejected, null, null, [], null, new ProblemDetail(null, "Invalid statement", 400, "bad", "categories[0]"));

        await Assert.ThrowsAsync<ArgumentException>(() => sdk.Provider.WaitForInclusionAsync(rejected));
    }

    [Fact]
    public async Task Waiting_stops_when_cancelled()
    {
        await using var sdk = SdkHost.Create(_gateway);
        _gateway.PublishOnPoll = int.MaxValue;
        var result = await sdk.Provider.SubmitAsync(SdkHost.Collected("col-1"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.Provider.WaitForInclusionAsync(result, cancel.Token));
    }
}
