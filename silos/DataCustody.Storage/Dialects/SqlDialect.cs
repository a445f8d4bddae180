using System.Data.Common;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Ledger;

namespace DataCustody.Storage.Dialects;

/// <summary>
/// Everything that differs between the databases the broker runs on. The rest of the storage
/// code is plain SQL that both accept.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The folder of this database's migrations, and its name in messages.</summary>
    public abstract string Name { get; }

    /// <summary>Creates an unopened connection.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Sets per-connection options after opening.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sets options of the long-lived connection the log is written through.</summary>
    public virtual Task PrepareWriterAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Upkeep after the log's writes, run beside them on a connection of its own so that it never
    /// delays an append; one at a time, no more often than <see cref="UpkeepSpacing"/>, and skipped
    /// while the previous one still runs.
    /// </summary>
    public virtual Task MaintainAfterWritesAsync(Database database) => Task.CompletedTask;

    /// <summary>
    /// Finishes an upkeep that <see cref="MaintainAfterWritesAsync"/> did beside the writes, on the
    /// writer's connection between two writes.
    /// </summary>
    public virtual Task FinishUpkeepAsync(DbConnection writer) => Task.CompletedTask;

    /// <summary>
    /// The least time from the start of one upkeep after writes to the start of the next; null for
    /// a database that needs none, so that its writers start no upkeep at all.
    /// </summary>
    public virtual TimeSpan? UpkeepSpacing => null;

    /// <summary>Serialises schema migrations across processes, inside the migration transaction.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes ledger entries in bulk inside <paramref name="transaction"/>.</summary>
    public abstract Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerEntryRow> entries, CancellationToken cancellationToken);

    /// <summary>Writes Merkle nodes in bulk inside <paramref name="transaction"/>.</summary>
    public abstract Task InsertNodesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerNodeRow> nodes, CancellationToken cancellationToken);

    /// <summary>
    /// Stores inbox messages inside <paramref name="transaction"/>, skipping ids stored already; returns how many were new.
    /// With <paramref name="allNew"/> the caller knows that no id is stored yet, and the database's bulk path is taken.
    /// </summary>
    public abstract Task<int> InsertInboxMessagesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<InboxStore.Message> messages, bool allNew, CancellationToken cancellationToken);

    /// <summary>
    /// A condition that <paramref name="column"/> is one of the values of the list parameter
    /// <paramref name="parameter"/>, whose value <see cref="ListOf{T}"/> made.
    /// </summary>
    public abstract string InList(string column, string parameter);

    /// <summary>
    /// What ends a SELECT that must wait until the transactions writing the rows it reads have ended, and then
    /// read what they left; empty where no other transaction can be writing them.
    /// </summary>
    public abstract string WaitingForWriters { get; }

    /// <summary>The value of a list parameter that <see cref="InList"/> names: one parameter however long the list.</summary>
    public abstract object ListOf<T>(IEnumerable<T> values);

    /// <summary>Returns the dialect of a provider.</summary>
    public static SqlDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(),
        StorageProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
