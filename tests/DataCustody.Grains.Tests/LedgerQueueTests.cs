using System.Text;
using DataCustody.Grains.Ledger;
using DataCustody.Testing;
using static DataCustody.Grains.Tests.LedgerGrainTests;

namespace DataCustody.Grains.Tests;

/// <summary>
/// The queue of appends waiting for a transaction is bounded: an append beyond the bound is
/// refused at once, as one to retry, and writes nothing. A silo whose queue settings cannot work
/// does not start.
/// </summary>
public sealed class LedgerQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_append_beyond_the_queue_bound_is_refused_at_once_and_writes_nothing()
    {
        await using var cluster = await LedgerCluster.StartAsync(new Dictionary<string, string>
        {
            ["Ledger:MaxEntriesPerTransaction"] = "3",
            ["Ledger:MaxLeavesPerAppend"] = "3",
            ["Ledger:MaxPendingEntries"] = "3",
        });
        var (gate, appends) = await cluster.HoldTransactionAsync(Leaf(0), [Leaf(1), Leaf(2)], Patience);
        try
        {
            // Refused while the transaction is still held: the refusal does not wait for room.
            await Assert.ThrowsAsync<LedgerUnavailableException>(() => cluster.Ledger.Append([Leaf(3), Leaf(4)]).WaitAsync(Patience));
            appends.Add(cluster.Ledger.Append([Leaf(5)]));
            await Eventually.UntilAsync(() => cluster.Ledger.GetStatus(), s => s.QueuedAppends == 3, Patience, "the append that fits to wait");
        }
        finally
        {
            // A silo does not stop while an append it holds waits.
            gate.TrySetResult();
        }
        await Task.WhenAll(appends).WaitAsync(Patience);

        // The waiting appends were sent at once, so their order among themselves is the grain's.
        var stored = await cluster.Store.ReadEntriesAsync(0, 10);
        Assert.Equal(["entry 0", "entry 1", "entry 2", "entry 5"], stored.Select(e => Encoding.UTF8.GetString(e.Leaf)).Order());
    }

    [Theory]
    [InlineData("Ledger:MaxEntriesPerTransaction")]
    [InlineData("Ledger:MaxLeavesPerAppend")]
    public async Task A_ledger_whose_queue_cannot_hold_a_full_transaction_or_append_does_not_start(string setting)
    {
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => LedgerCluster.StartAsync(new Dictionary<string, string>
        {
            ["Ledger:MaxEntriesPerTransaction"] = "10",
            ["Ledger:MaxLeavesPerAppend"] = "10",
            ["Ledger:MaxPendingEntries"] = "10",
            [setting] = "11",
        }));

        Assert.Contains("Ledger:MaxPendingEntries", refusal.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    // Orleans' default response timeout.
    [InlineData("00:00:30")]
    public async Task A_ledger_whose_append_deadline_is_not_below_the_response_timeout_does_not_start(string deadline)
    {
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => LedgerCluster.StartAsync(new Dictionary<string, string>
        {
            ["Ledger:AppendDeadline"] = deadline,
        }));

        Assert.Contains("Ledger:AppendDeadline", refusal.ToString(), StringComparison.Ordinal);
    }
}
