using System.Text;
using DataCustody.Grains.Ledger;
using DataCustody.Testing;
using DataCustody.Transparency.Tiles;

namespace DataCustody.Grains.Tests;

/// <summary>The log reader's entry reads: leaves by index for proof bundles, and C2SP entry bundles.</summary>
public sealed class LogReaderEntriesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private LedgerCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LedgerCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Leaves_are_read_by_index_in_order_once_each_and_only_within_the_checkpoint()
    {
        await _cluster.Ledger.Append([.. Enumerable.Range(0, 300).Select(Leaf)]);
        await Eventually.UntilAsync(() => _cluster.Ledger.GetLatestCheckpoint(), c => c is not null && c.Size >= 300, Patience, "a checkpoint of size 300");

        var leaves = await _cluster.Reader.GetLeaves([299, 5, 6, 7, 5, 250, 400, -1]);

        Assert.Equal([5L, 6, 7, 250, 299], leaves.Select(l => l.Index));
        Assert.All(leaves, l => Assert.Equal(Leaf((int)l.Index), l.Leaf));
        Assert.Empty(await _cluster.Reader.GetLeaves([]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cluster.Reader.GetLeaves([.. Enumerable.Range(0, LogReaderLimits.MaxLeaves + 1).Select(i => (long)i)]));
    }

    [Fact]
    public async Task Entry_bundles_hold_each_leaf_after_its_big_endian_length_and_only_whole()
    {
        await _cluster.Ledger.Append([.. Enumerable.Range(0, 300).Select(Leaf)]);

        var full = await _cluster.Reader.GetEntryBundle(0, 256);
        var partial = await _cluster.Reader.GetEntryBundle(1, 44);

        Assert.Equal(Enumerable.Range(0, 256).Select(Leaf), Split(full!));
        Assert.Equal(Enumerable.Range(256, 44).Select(Leaf), Split(partial!));
        Assert.Null(await _cluster.Reader.GetEntryBundle(1, 45));
        Assert.Null(await _cluster.Reader.GetEntryBundle(2, 1));
    }

    /// <summary>Splits an entry bundle into its leaves; fails on a truncated bundle.</summary>
    private static IReadOnlyList<byte[]> Split(byte[] bundle)
    {
        Assert.True(EntryBundle.TryDecode(bundle, out var leaves, out var reason), reason);
        return leaves;
    }

    private static byte[] Leaf(int i) => Encoding.UTF8.GetBytes($"entry {i}");
}
