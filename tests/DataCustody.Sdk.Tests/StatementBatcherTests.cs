using System.Collections.Concurrent;
using DataCustody.Sdk.Batching;
using DataCustody.Sdk.Models;

namespace DataCustody.Sdk.Tests;

public sealed class StatementBatcherTests
{
    private readonly ConcurrentQueue<IReadOnlyList<string>> _batches = new();

    [Fact]
    public async Task A_full_batch_leaves_at_once_without_waiting_for_the_delay()
    {
        await using var batcher = Batcher(maxBatch: 4, maxDelay: TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => batcher.EnqueueAsync(Statement($"s-{i}"), CancellationToken.None)));

        Assert.Equal(2, _batches.Count);
        Assert.All(_batches, b => Assert.Equal(4, b.Count));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"s-{i}"), results.Select(r => r.StatementId));
    }

    [Fact]
    public async Task A_partial_batch_leaves_after_the_delay()
    {
        await using var batcher = Batcher(maxBatch: 500, maxDelay: TimeSpan.FromMilliseconds(50));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => batcher.EnqueueAsync(Statement($"s-{i}"), CancellationToken.None)));

        var batch = Assert.Single(_batches);
        Assert.Equal(["s-0", "s-1", "s-2"], batch);
        Assert.Equal(["s-0", "s-1", "s-2"], results.Select(r => r.StatementId));
    }

    [Fact]
    public async Task Each_caller_gets_the_result_of_its_own_statement_and_batches_keep_submission_order()
    {
        await using var batcher = Batcher(maxBatch: 7, maxDelay: TimeSpan.FromMilliseconds(5));

        var tasks = Enumerable.Range(0, 100).Select(i => (Id: $"s-{i}", Task: batcher.EnqueueAsync(Statement($"s-{i}"), CancellationToken.None))).ToList();
        await Task.WhenAll(tasks.Select(t => t.Task));

        foreach (var (id, task) in tasks)
        {
            var result = await task;
            Assert.Equal(id, result.StatementId);
            Assert.Equal(EntryOf(id), result.EntryIndex);
        }
        var sent = _batches.SelectMany(b => b).ToList();
        Assert.Equal(100, sent.Count);
        Assert.All(_batches, b => Assert.InRange(b.Count, 1, 7));
        // Within a batch, statements keep the order they were submitted in.
        Assert.All(_batches, b => Assert.Equal(b.OrderBy(EntryOf), b));
    }

    [Fact]
    public async Task Several_batches_are_in_flight_at_once()
    {
        var release = new TaskCompletionSource();
        var started = 0;
        var bothStarted = new TaskCompletionSource();
        await using var batcher = new StatementBatcher(async (batch, ct) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }
            await release.Task;
            return Answer(batch);
        }, maxBatch: 2, maxDelay: TimeSpan.FromHours(1), maxInFlight: 2, TimeProvider.System);

        var tasks = Enumerable.Range(0, 4).Select(i => batcher.EnqueueAsync(Statement($"s-{i}"), CancellationToken.None)).ToList();
        await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(tasks, t => Assert.False(t.IsCompleted));
        release.SetResult();

        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_callers()
    {
        await using var batcher = new StatementBatcher(
            (batch, ct) => throw new HttpRequestException("the gateway is down"),
            maxBatch: 3, maxDelay: TimeSpan.FromHours(1), maxInFlight: 1, TimeProvider.System);

        var tasks = Enumerable.Range(0, 3).Select(i => batcher.EnqueueAsync(Statement($"s-{i}"), CancellationToken.None)).ToList();

        foreach (var task in tasks)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => task);
        }
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_hold_up_the_others()
    {
        // The abandoned statement may or may not have joined a batch before it was abandoned; either way the delay sends the rest.
        await using var batcher = Batcher(maxBatch: 2, maxDelay: TimeSpan.FromMilliseconds(20));
        using var cancel = new CancellationTokenSource();

        var abandoned = batcher.EnqueueAsync(Statement("s-0"), cancel.Token);
        await cancel.CancelAsync();
        var kept = new[] { batcher.EnqueueAsync(Statement("s-1"), CancellationToken.None), batcher.EnqueueAsync(Statement("s-2"), CancellationToken.None) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(["s-1", "s-2"], (await Task.WhenAll(kept)).Select(r => r.StatementId));
    }

    private StatementBatcher Batcher(int maxBatch, TimeSpan maxDelay) => new((batch, ct) =>
    {
        _batches.Enqueue([.. batch.Select(s => s.StatementId)]);
        return Task.FromResult(Answer(batch));
    }, maxBatch, maxDelay, maxInFlight: 4, TimeProvider.System);

    private static IReadOnlyList<StatementResult> Answer(IReadOnlyList<SignedStatement> batch) =>
        [.. batch.Select((s, i) => new StatementResult(i, s.StatementId, StatementStatus.Recorded, EntryOf(s.StatementId), null, [], null, null))];

    private static long EntryOf(string id) => long.Parse(id["s-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static SignedStatement Statement(string id) => new(id, "jws-of-" + id);
}
