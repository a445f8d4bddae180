using System.Data.Common;
using DataCustody.Storage.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace DataCustody.Storage.Dialects;

/// <summary>PostgreSQL with its default durability; bulk writes use binary COPY.</summary>
public sealed class PostgresDialect : SqlDialect
{
    // An arbitrary constant that names the broker's migration lock among advisory locks.
    private const long MigrationLockKey = 0x44617461437573;

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    /// <inheritdoc />
    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    /// <inheritdoc />
    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntryRow> entries, CancellationToken cancellationToken)
    {
        await using var import = await ((NpgsqlConnection)connection)
            .BeginBinaryImportAsync("COPY ledger_entries (idx, leaf_hash, leaf) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(entry.Index, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(entry.LeafHash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(entry.Leaf, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }
        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task InsertNodesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerNodeRow> nodes, CancellationToken cancellationToken)
    {
        await using var import = await ((NpgsqlConnection)connection)
            .BeginBinaryImportAsync("COPY ledger_nodes (level, idx, hash) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var node in nodes)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((short)node.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(node.Index, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(node.Hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }
        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
