using System.Text;
using DataCustody.Storage.Ledger;
using Microsoft.Data.Sqlite;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Storage.Tests;

public sealed class LedgerStoreTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appended_entries_and_nodes_read_back_as_proof_nodes_and_tiles(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [], writer);
        var tree = new InMemoryNodeSource();

        await AppendAsync(store, tree, 0, 300);

        Assert.Equal(300, await store.ReadSizeAsync());
        NodeId[] probes = [new(0, 0), new(0, 299), new(1, 7), new(3, 30), new(8, 0)];
        var stored = await store.GetNodesAsync(probes);
        Assert.Equal(probes.Select(tree.Get), stored);
        Assert.Equal(Enumerable.Range(0, 256).SelectMany(i => tree.Get(new NodeId(0, (ulong)i))), await store.ReadTileAsync(0, 0, 256));
        Assert.Equal(tree.Get(new NodeId(8, 0)), await store.ReadTileAsync(1, 0, 1));
        Assert.Null(await store.ReadTileAsync(0, 1, 45));
        var entries = await store.ReadEntriesAsync(298, 10);
        Assert.Equal([298L, 299], entries.Select(e => e.Index));
        Assert.Equal(Leaf(299), entries[1].Leaf);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_append_at_a_stale_size_fails_and_writes_nothing(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [], writer);
        await AppendAsync(store, new InMemoryNodeSource(), 0, 3);

        var error = await Assert.ThrowsAsync<LedgerConflictException>(() =>
            store.AppendAsync(2, [new LedgerEntryRow(2, MerkleHash.Leaf(Leaf(99)), Leaf(99))], []));

        Assert.Equal((2L, 3L), (error.ExpectedSize, error.ActualSize));
        Assert.Equal(3, await store.ReadSizeAsync());
        Assert.Equal(Leaf(2), (await store.ReadEntriesAsync(2, 1))[0].Leaf);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_writers_expecting_the_same_size_exactly_one_appends(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        // Two nodes, each with its own writer.
        await using var firstWriter = new WriterConnection(database);
        await using var secondWriter = new WriterConnection(database);
        var first = new LedgerStore(database, [], firstWriter);
        var second = new LedgerStore(database, [], secondWriter);

        var outcomes = await Task.WhenAll(
            Outcome(first.AppendAsync(0, [new LedgerEntryRow(0, MerkleHash.Leaf(Leaf(1)), Leaf(1))], [])),
            Outcome(second.AppendAsync(0, [new LedgerEntryRow(0, MerkleHash.Leaf(Leaf(2)), Leaf(2))], [])));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is LedgerConflictException);
        Assert.Equal(1, await first.ReadSizeAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_projector_that_fails_rolls_back_the_whole_append(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [new FailingProjector()], writer);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AppendAsync(0, [new LedgerEntryRow(0, MerkleHash.Leaf(Leaf(0)), Leaf(0))], []));

        Assert.Equal(0, await store.ReadSizeAsync());
        Assert.Empty(await store.ReadEntriesAsync(0, 1));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Checkpoints_are_kept_once_per_size_and_the_largest_is_the_latest(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [], writer);

        await store.SaveCheckpointAsync(new StoredCheckpoint(5, new byte[32], "five", 1));
        await store.SaveCheckpointAsync(new StoredCheckpoint(9, new byte[32], "nine", 2));
        await store.SaveCheckpointAsync(new StoredCheckpoint(9, new byte[32], "nine again", 3));

        var latest = await store.ReadLatestCheckpointAsync();
        Assert.Equal((9L, "nine", 2L), (latest!.Size, latest.Note, latest.SignedAtMs));
    }

    [Fact]
    public async Task Under_steady_appends_SQLite_starts_its_WAL_over_instead_of_growing_it()
    {
        var database = await _databases.CreateAsync(StorageProvider.Sqlite);
        var wal = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource + "-wal";
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [], writer);
        var tree = new InMemoryNodeSource();
        var (appended, largestWal, size) = (0L, 0L, 0);

        // The WAL takes more bytes than the leaves it holds (pages, frame headers, the entries' index and nodes),
        // so one that never starts over is always larger than what was appended; one that does holds a second
        // or two of appends.
        while (appended < 64 << 20 || appended < largestWal * 3 / 2)
        {
            Assert.True(appended < 1L << 30, $"The WAL grew to {largestWal} bytes with {appended} bytes appended.");
            await AppendAsync(store, tree, size, 200, leafBytes: 2048);
            (appended, size) = (appended + 200 * 2048, size + 200);
            largestWal = Math.Max(largestWal, new FileInfo(wal).Length);
        }

        Assert.Equal(size, await store.ReadSizeAsync());
    }

    private static async Task AppendAsync(LedgerStore store, InMemoryNodeSource tree, int from, int count, int leafBytes = 0)
    {
        var entries = new List<LedgerEntryRow>();
        var nodes = new List<LedgerNodeRow>();
        for (var i = from; i < from + count; i++)
        {
            var leaf = leafBytes == 0 ? Leaf(i) : PaddedLeaf(i, leafBytes);
            var hash = MerkleHash.Leaf(leaf);
            entries.Add(new LedgerEntryRow(i, hash, leaf));
            new CompactRangeRecorder(tree, nodes).Append(hash);
        }
        await store.AppendAsync(from, entries, nodes);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static byte[] Leaf(int i) => Encoding.UTF8.GetBytes($"leaf {i}");

    private static byte[] PaddedLeaf(int i, int bytes)
    {
        var leaf = new byte[bytes];
        Leaf(i).CopyTo(leaf, 0);
        return leaf;
    }

    /// <summary>Appends to the reference tree and keeps the interior nodes the append completes, as the ledger grain does.</summary>
    private sealed class CompactRangeRecorder(InMemoryNodeSource tree, List<LedgerNodeRow> nodes)
    {
        public void Append(byte[] leafHash)
        {
            var before = tree.Size;
            tree.Append(leafHash);
            // The nodes completed by leaf `before` are its ancestors whose subtrees end right after it.
            var size = before + 1;
            for (var level = 1; level < 64 && size % (1UL << level) == 0; level++)
            {
                var node = new NodeId(level, (size >> level) - 1);
                nodes.Add(new LedgerNodeRow(level, (long)node.Index, tree.Get(node)));
            }
        }
    }

    private sealed class FailingProjector : ILedgerProjector
    {
        public Task ProjectAsync(LedgerWrite write, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("projection failed");
    }
}
