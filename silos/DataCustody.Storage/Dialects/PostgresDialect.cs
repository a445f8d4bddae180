using System.Data.Common;
using Dapper;
using DataCustody.Storage.Custody;
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
    public override async Task<int> InsertInboxMessagesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxStore.Message> messages, bool allNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (allNew)
        {
            // COPY, PostgreSQL's bulk path, cannot skip ids stored already; INSERT ... ON CONFLICT writes a
            // speculative row and its confirmation for every message, which a breach's tens of thousands feel.
            await using var import = await ((NpgsqlConnection)connection)
                .BeginBinaryImportAsync("COPY inbox (message_id, person_id, created_at_ms, kind, title, body, entry_index) FROM STDIN (FORMAT BINARY)", cancellationToken)
                .ConfigureAwait(false);
            foreach (var message in messages)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.MessageId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.PersonId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.CreatedAtMs, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.Title, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.Body, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(message.EntryIndex, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            return (int)await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        // One statement for the whole batch: a breach tells thousands of people, and a row per round trip
        // would cost more than the impact itself.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inbox (message_id, person_id, created_at_ms, kind, title, body, entry_index)
            SELECT * FROM unnest(@ids, @people, @createdAt, @kinds, @titles, @bodies, @entries)
            ON CONFLICT (message_id) DO NOTHING
            """,
            new
            {
                ids = messages.Select(m => m.MessageId).ToArray(),
                people = messages.Select(m => m.PersonId).ToArray(),
                createdAt = messages.Select(m => m.CreatedAtMs).ToArray(),
                kinds = messages.Select(m => m.Kind).ToArray(),
                titles = messages.Select(m => m.Title).ToArray(),
                bodies = messages.Select(m => m.Body).ToArray(),
                entries = messages.Select(m => m.EntryIndex).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    /// <inheritdoc />
    // A row lock waits for the transaction holding it, whose client may be gone while the server still commits it.
    public override string WaitingForWriters => " FOR UPDATE";

    /// <inheritdoc />
    public override object ListOf<T>(IEnumerable<T> values) => values.ToArray();

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
