using System.Data.Common;
using System.Text;
using Dapper;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Storage.Ledger;

/// <summary>
/// The durable log: entries, Merkle nodes and checkpoints. Only the ledger grain appends; anyone
/// may read, because complete nodes and entries never change once written. Appends and
/// checkpoints go through <paramref name="writer"/>, which its creator disposes.
/// </summary>
public sealed class LedgerStore(Database database, IEnumerable<ILedgerProjector> projectors, WriterConnection writer) : IMerkleNodeSource
{
    /// <summary>Hashes per full C2SP tlog-tiles tile.</summary>
    public const int TileWidth = 256;

    /// <summary>
    /// The last tile index whose positions all fit in a 64-bit index. Tile paths can name larger ones; no log
    /// holds them, so they are simply not there yet.
    /// </summary>
    public const long MaxTileIndex = (long.MaxValue - TileWidth) / TileWidth;

    private readonly ILedgerProjector[] _projectors = [.. projectors];

    /// <summary>The database the ledger lives in.</summary>
    public Database Database { get; } = database;

    /// <summary>
    /// The number of entries durably in the log, read once no transaction that moves the head is in flight:
    /// after a commit whose answer was lost with its connection, PostgreSQL may be committing it still, and a
    /// plain read would see the head as it was before.
    /// </summary>
    public async Task<long> ReadSizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>($"SELECT size FROM ledger_head WHERE id = 1{Database.Dialect.WaitingForWriters}").ConfigureAwait(false);
    }

    /// <summary>
    /// Appends <paramref name="entries"/> (indices from <paramref name="expectedSize"/> on) and the
    /// nodes they complete, runs the projectors, and commits: all of it or nothing. Throws
    /// <see cref="LedgerConflictException"/> when the log is not at <paramref name="expectedSize"/>.
    /// </summary>
    public async Task AppendAsync(long expectedSize, IReadOnlyList<LedgerEntryRow> entries, IReadOnlyList<LedgerNodeRow> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(nodes);
        await writer.WriteAsync(connection => AppendAsync(connection, expectedSize, entries, nodes, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task AppendAsync(DbConnection connection, long expectedSize, IReadOnlyList<LedgerEntryRow> entries, IReadOnlyList<LedgerNodeRow> nodes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Moving the head first takes the write lock, so a concurrent writer waits here and then
        // finds the size it expected gone.
        var moved = await connection.ExecuteAsync(
            "UPDATE ledger_head SET size = @NewSize WHERE id = 1 AND size = @ExpectedSize",
            new { NewSize = expectedSize + entries.Count, ExpectedSize = expectedSize },
            transaction).ConfigureAwait(false);
        if (moved != 1)
        {
            var actual = await connection.ExecuteScalarAsync<long>("SELECT size FROM ledger_head WHERE id = 1", transaction: transaction).ConfigureAwait(false);
            throw new LedgerConflictException(expectedSize, actual);
        }

        await Database.Dialect.InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
        await Database.Dialect.InsertNodesAsync(connection, transaction, nodes, cancellationToken).ConfigureAwait(false);
        var write = new LedgerWrite(connection, transaction, Database.Dialect, entries);
        foreach (var projector in _projectors)
        {
            await projector.ProjectAsync(write, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<byte[]>> GetNodesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var found = new Dictionary<NodeId, byte[]>(nodes.Count);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);

        var leaves = nodes.Where(n => n.Level == 0).Select(n => checked((long)n.Index)).Distinct().ToArray();
        if (leaves.Length > 0)
        {
            var rows = await connection.QueryAsync<(long Index, byte[] Hash)>(
                $"SELECT idx, leaf_hash FROM ledger_entries WHERE {Database.Dialect.InList("idx", "leaves")}", new { leaves = Database.Dialect.ListOf(leaves) }).ConfigureAwait(false);
            foreach (var (index, hash) in rows)
            {
                found[new NodeId(0, (ulong)index)] = hash;
            }
        }

        var interior = nodes.Where(n => n.Level > 0).Distinct().ToArray();
        if (interior.Length > 0)
        {
            // Row values keep this one indexed lookup per node in both dialects.
            var sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE (level, idx) IN (VALUES ");
            var parameters = new DynamicParameters();
            for (var i = 0; i < interior.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"(@l{i}, @i{i})");
                parameters.Add($"l{i}", interior[i].Level);
                parameters.Add($"i{i}", checked((long)interior[i].Index));
            }
            sql.Append(')');
            var rows = await connection.QueryAsync<(int Level, long Index, byte[] Hash)>(sql.ToString(), parameters).ConfigureAwait(false);
            foreach (var (level, index, hash) in rows)
            {
                found[new NodeId(level, (ulong)index)] = hash;
            }
        }

        var hashes = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            hashes[i] = found.TryGetValue(nodes[i], out var hash)
                ? hash
                : throw new InvalidOperationException($"Merkle node {nodes[i]} is not in the ledger; the store is missing a complete node.");
        }
        return hashes;
    }

    /// <summary>
    /// The hashes of a C2SP tlog-tiles tile: <paramref name="width"/> nodes at tree level
    /// <c>8 * <paramref name="tileLevel"/></c> from <c><paramref name="tileIndex"/> * 256</c>,
    /// concatenated; null when the log does not yet hold that many.
    /// </summary>
    public async Task<byte[]?> ReadTileAsync(int tileLevel, long tileIndex, int width, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tileLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(tileIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, TileWidth);
        if (tileIndex > MaxTileIndex)
        {
            return null;
        }
        var first = tileIndex * TileWidth;
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var hashes = tileLevel == 0
            ? await connection.QueryAsync<byte[]>(
                "SELECT leaf_hash FROM ledger_entries WHERE idx >= @first AND idx < @end ORDER BY idx",
                new { first, end = first + width }).ConfigureAwait(false)
            : await connection.QueryAsync<byte[]>(
                "SELECT hash FROM ledger_nodes WHERE level = @level AND idx >= @first AND idx < @end ORDER BY idx",
                new { level = 8 * tileLevel, first, end = first + width }).ConfigureAwait(false);
        var list = hashes.AsList();
        if (list.Count != width)
        {
            return null;
        }
        var tile = new byte[width * MerkleHash.Size];
        for (var i = 0; i < width; i++)
        {
            list[i].CopyTo(tile, i * MerkleHash.Size);
        }
        return tile;
    }

    /// <summary>Entries <c>[from, from + count)</c> that exist, in index order.</summary>
    public async Task<IReadOnlyList<LedgerEntryRow>> ReadEntriesAsync(long from, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Index, byte[] LeafHash, byte[] Leaf)>(
            "SELECT idx, leaf_hash, leaf FROM ledger_entries WHERE idx >= @from AND idx < @end ORDER BY idx",
            new { from, end = from + count }).ConfigureAwait(false);
        return [.. rows.Select(r => new LedgerEntryRow(r.Index, r.LeafHash, r.Leaf))];
    }

    /// <summary>Stores a signed checkpoint; storing the same size again changes nothing.</summary>
    public async Task SaveCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await writer.WriteAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO ledger_checkpoints (size, root_hash, note, signed_at_ms) VALUES (@Size, @RootHash, @Note, @SignedAtMs) ON CONFLICT (size) DO NOTHING",
                checkpoint),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The checkpoint of the largest tree signed so far, or null before the first.</summary>
    public async Task<StoredCheckpoint?> ReadLatestCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StoredCheckpoint>(
            "SELECT size AS Size, root_hash AS RootHash, note AS Note, signed_at_ms AS SignedAtMs FROM ledger_checkpoints ORDER BY size DESC LIMIT 1").ConfigureAwait(false);
    }
}
