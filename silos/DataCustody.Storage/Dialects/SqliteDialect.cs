using System.Data.Common;
using System.Text.Json;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Ledger;
using Microsoft.Data.Sqlite;

namespace DataCustody.Storage.Dialects;

/// <summary>SQLite in WAL mode with full synchronisation: a commit is on disk when it returns.</summary>
public sealed class SqliteDialect : SqlDialect
{
    private const string InsertInboxMessage =
        "INSERT INTO inbox (message_id, person_id, created_at_ms, kind, title, body, entry_index) VALUES (@MessageId, @PersonId, @CreatedAtMs, @Kind, @Title, @Body, @EntryIndex)";

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    /// <inheritdoc />
    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // WAL lets readers run beside the one writer; FULL makes every commit durable. A pooled connection keeps
        // its cache: the writer's, enlarged, comes back with SQLite's default size when the writer lets it go, so
        // the pool does not hold 64 MB for every connection that was once the writer's.
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task PrepareWriterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Room for the projections' index pages that appends touch at random (handles are random), and for
        // the inbox's that a breach's thousands of messages do (message ids are random): with the default 2 MB
        // SQLite would write half-filled pages out and read them back before the commit. No checkpoint inside
        // an append's commit: MaintainAfterWritesAsync does it beside them.
        command.CommandText = "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A checkpoint copies every page the WAL holds to the database file. Appends write the same projection
    /// pages again and again (index pages are shared by many rows); a checkpoint after every append copied
    /// each of those pages once per append. Once a second, the custody load writes 9-10 KB per statement
    /// instead of 12-16 KB, at the same rate.
    /// </remarks>
    public override TimeSpan? UpkeepSpacing => TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    /// <remarks>
    /// A checkpoint beside the writer never catches up with it: by the time it ends, more appends are in
    /// the WAL. SQLite starts the WAL over from its beginning only when a writer finds all of it copied, so
    /// under a steady load the file grew without end (a gigabyte in ten seconds of the custody load) and
    /// every commit wrote to newly allocated blocks. Copying the rest between two appends lets the next one
    /// start the WAL over: statements through the grains went from 8,000-9,500/s to 11,200-11,800/s.
    /// </remarks>
    public override Task FinishUpkeepAsync(DbConnection writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return CheckpointAsync(writer);
    }

    /// <inheritdoc />
    public override async Task MaintainAfterWritesAsync(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await CheckpointAsync(connection).ConfigureAwait(false);
    }

    // PASSIVE copies what it can without waiting for the writer or readers; the next run takes the rest.
    private static async Task CheckpointAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<int> InsertInboxMessagesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxStore.Message> messages, bool allNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // In process, a row costs no round trip: one prepared statement run per message.
        using var commands = new ReusedCommands(connection, transaction);
        var insert = allNew ? InsertInboxMessage : InsertInboxMessage + " ON CONFLICT (message_id) DO NOTHING";
        var added = 0;
        foreach (var message in messages)
        {
            added += await commands.ExecuteAsync(insert, message, cancellationToken).ConfigureAwait(false);
        }
        return added;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One JSON array parameter rather than Dapper's expansion into a parameter per value: SQLite
    /// finds each named parameter by a linear search, both when preparing and when binding, so the
    /// expansion costs the square of the list's length. Checking a batch of 500 statement ids for
    /// earlier recordings takes a ninth of the time this way (<c>RecordedStatementLookupBenchmarks</c>).
    /// </remarks>
    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <inheritdoc />
    // The one writer's transaction ends, committed or rolled back, before its failure reaches anyone.
    public override string WaitingForWriters => "";

    /// <inheritdoc />
    public override object ListOf<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);

    /// <inheritdoc />
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.
        Task.CompletedTask;

    /// <inheritdoc />
    public override async Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntryRow> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // One prepared statement reused per row is SQLite's fastest bulk path; SQLite runs
        // in-process, so the loop costs no round trips.
        using var commands = new ReusedCommands(connection, transaction);
        foreach (var entry in entries)
        {
            await commands.ExecuteAsync("INSERT INTO ledger_entries (idx, leaf_hash, leaf) VALUES (@Index, @LeafHash, @Leaf)", entry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task InsertNodesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerNodeRow> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        using var commands = new ReusedCommands(connection, transaction);
        foreach (var node in nodes)
        {
            await commands.ExecuteAsync("INSERT INTO ledger_nodes (level, idx, hash) VALUES (@Level, @Index, @Hash)", node, cancellationToken).ConfigureAwait(false);
        }
    }
}
