using System.Data.Common;
using Dapper;
using DataCustody.Storage;
using DataCustody.Storage.Ledger;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// Rebuilds the custody projections from the log alone, into a fresh database, with the same
/// projector that writes them live: the proof that the projections hold nothing the log does not.
/// </summary>
public static class ProjectionRebuild
{
    // Bounds the memory a chunk holds and the size of one target transaction.
    private const int ChunkSize = 5_000;

    /// <summary>
    /// Brings <paramref name="target"/> to the current schema, refuses it unless it is fresh (no
    /// log, no projection rows), and replays every entry of <paramref name="source"/> through
    /// <see cref="CustodyProjector"/>, one target transaction per chunk of entries. Copies neither
    /// the ledger tables nor the broker's private registry. Returns the number of entries replayed.
    /// </summary>
    /// <remarks>A rebuild that fails half-way leaves a partial target: rebuild into another fresh database.</remarks>
    public static async Task<long> RebuildAsync(LedgerStore source, Database target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        await SchemaMigrator.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
        await using var connection = await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        await RequireFreshAsync(connection, cancellationToken).ConfigureAwait(false);

        var projector = new CustodyProjector(new DecodedLeaves());
        var size = await source.ReadSizeAsync(cancellationToken).ConfigureAwait(false);
        for (var from = 0L; from < size; from += ChunkSize)
        {
            var count = (int)Math.Min(ChunkSize, size - from);
            var chunk = await source.ReadEntriesAsync(from, count, cancellationToken).ConfigureAwait(false);
            if (chunk.Count != count)
            {
                throw new InvalidDataException($"The source log has {size} entries, but only {chunk.Count} of the {count} from index {from} are stored.");
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await projector.ProjectAsync(new LedgerWrite(connection, transaction, target.Dialect, chunk), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return size;
    }

    private static async Task RequireFreshAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var size = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT size FROM ledger_head WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (size != 0)
        {
            throw new InvalidOperationException($"The target database holds a log of {size} entries; rebuild into a fresh database.");
        }
        var filled = new List<string>();
        foreach (var table in ProjectionSnapshot.Tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table.Name}", cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (rows > 0)
            {
                filled.Add($"{table.Name} ({rows} rows)");
            }
        }
        if (filled.Count > 0)
        {
            throw new InvalidOperationException($"The target database already holds projection rows in {string.Join(", ", filled)}; rebuild into a fresh database.");
        }
    }
}
