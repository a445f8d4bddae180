using DataCustody.Grains.Ledger;
using DataCustody.Transparency.Merkle;
using Microsoft.Extensions.Time.Testing;
using static DataCustody.Grains.Tests.LedgerGrainTests;

namespace DataCustody.Grains.Tests;

/// <summary>
/// The deadline of an append, on a clock the tests move: an append whose caller has most likely
/// stopped waiting is refused, as one to retry, instead of being written, whether it still waits
/// or is to be tried again after its transaction failed.
/// </summary>
public sealed class PendingAppendsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new();
    private readonly PendingAppends _pending;

    public PendingAppendsTests() => _pending = new PendingAppends(new LedgerOptions { AppendDeadline = Deadline }, _clock);

    [Fact]
    public async Task An_append_that_waited_out_its_deadline_is_refused_and_one_a_tick_younger_is_taken()
    {
        var older = Enqueue(0);
        _clock.Advance(TimeSpan.FromTicks(1));
        var younger = Enqueue(1);
        _clock.Advance(Deadline - TimeSpan.FromTicks(1));

        var batch = _pending.TakeBatch(out var expired);

        Assert.Equal(1, expired);
        Assert.Same(younger, Assert.Single(batch));
        Assert.False(younger.Result.Task.IsCompleted);
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => older.Result.Task);
        Assert.Equal(0, _pending.Entries);
    }

    [Fact]
    public async Task An_append_taken_for_a_transaction_that_failed_is_refused_once_its_deadline_has_passed()
    {
        var append = Enqueue(0);
        Assert.Same(append, Assert.Single(_pending.TakeBatch(out _)));

        _clock.Advance(Deadline - TimeSpan.FromTicks(1));
        Assert.False(_pending.TryExpire(append));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(_pending.TryExpire(append));

        await Assert.ThrowsAsync<LedgerUnavailableException>(() => append.Result.Task);
    }

    private PendingAppend Enqueue(int i) => _pending.Enqueue([Leaf(i)], [MerkleHash.Leaf(Leaf(i))]);
}
