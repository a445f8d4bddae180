using DataCustody.Grains.Ledger;
using DataCustody.Testing;
using static DataCustody.Grains.Tests.LedgerGrainTests;

namespace DataCustody.Grains.Tests;

/// <summary>
/// The pause after a transaction: appends that follow a shared transaction are gathered into
/// the next one, while a caller appending alone, one after another, and appends already waiting
/// in number are never kept waiting.
/// </summary>
public sealed class LedgerCommitDelayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Appends_that_follow_a_shared_transaction_wait_to_share_the_next_one()
    {
        // Long enough that the appends below queue within it even on a slow machine; short enough to see them committed.
        await using var cluster = await LedgerCluster.StartAsync(new Dictionary<string, string> { ["Ledger:CommitDelay"] = "00:00:02" });
        await Task.WhenAll(await cluster.AppendBehindHeldTransactionAsync(Leaf(0), [Leaf(1), Leaf(2)], Patience)).WaitAsync(Patience);

        var following = new[] { cluster.Ledger.Append([Leaf(3)]), cluster.Ledger.Append([Leaf(4)]) };
        await Eventually.UntilAsync(() => cluster.Ledger.GetStatus(), s => s.QueuedAppends == 2, Patience, "the following appends to wait together");
        var acknowledged = await Task.WhenAll(following).WaitAsync(Patience);

        Assert.Equal([1, 2, 2], cluster.Projector.TransactionSizes);
        Assert.Equal([3L, 4L], acknowledged.Select(a => a.FirstIndex).Order());
    }

    [Fact]
    public async Task A_caller_appending_alone_is_never_kept_waiting()
    {
        // A pause this long would time the test out if a lone caller's append waited for it.
        await using var cluster = await LedgerCluster.StartAsync(new Dictionary<string, string> { ["Ledger:CommitDelay"] = "01:00:00" });

        for (var i = 0; i < 5; i++)
        {
            var append = await cluster.Ledger.Append([Leaf(i)]).WaitAsync(Patience);
            Assert.Equal(i, append.FirstIndex);
        }

        Assert.Equal([1, 1, 1, 1, 1], cluster.Projector.TransactionSizes);
    }

    [Fact]
    public async Task Appends_already_waiting_in_number_are_not_kept_waiting()
    {
        // One entry per transaction, and one waiting entry is enough: only the last transaction may pause.
        await using var cluster = await LedgerCluster.StartAsync(new Dictionary<string, string>
        {
            ["Ledger:CommitDelay"] = "01:00:00",
            ["Ledger:SmallTransactionEntries"] = "1",
            ["Ledger:MaxEntriesPerTransaction"] = "1",
        });
        await Task.WhenAll(await cluster.AppendBehindHeldTransactionAsync(Leaf(0), [Leaf(1), Leaf(2), Leaf(3)], Patience)).WaitAsync(Patience);

        Assert.Equal([1, 1, 1, 1], cluster.Projector.TransactionSizes);
    }

    [Fact]
    public void The_default_pause_is_short_and_on()
    {
        var delay = new LedgerOptions().CommitDelay;

        Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(10));
    }
}
