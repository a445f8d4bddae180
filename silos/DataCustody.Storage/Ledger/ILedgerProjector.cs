using System.Data.Common;
using DataCustody.Storage.Dialects;

namespace DataCustody.Storage.Ledger;

/// <summary>
/// What a projector gets inside the append transaction: the connection and transaction to write
/// with, and the entries being appended. Rows written here commit or roll back with the entries.
/// </summary>
public sealed record LedgerWrite(DbConnection Connection, DbTransaction Transaction, SqlDialect Dialect, IReadOnlyList<LedgerEntryRow> Entries);

/// <summary>
/// Derives queryable rows from log entries in the same transaction that makes the entries
/// durable, so that projections never run ahead of or behind the log.
/// </summary>
public interface ILedgerProjector
{
    /// <summary>Writes the rows derived from <see cref="LedgerWrite.Entries"/>; throwing aborts the whole append.</summary>
    Task ProjectAsync(LedgerWrite write, CancellationToken cancellationToken);
}
