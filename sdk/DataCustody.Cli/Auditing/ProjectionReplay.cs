using DataCustody.Cli.Progress;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using Microsoft.Data.Sqlite;

namespace DataCustody.Cli.Auditing;

/// <summary>
/// Rebuilds the custody projections from downloaded entries alone: writes the entries into a fresh
/// ledger database (<c>ledger.db</c>) and replays it with the broker's own projector into another
/// fresh database (<c>projections.db</c>), both SQLite files in the work folder.
/// </summary>
internal static class ProjectionReplay
{
    private const int AppendChunk = 1_000;

    public static async Task<Database> RunAsync(DownloadedLog log, string workFolder, WorkProgress progress, CancellationToken cancellationToken)
    {
        var source = Fresh(Path.Combine(workFolder, "ledger.db"));
        var target = Fresh(Path.Combine(workFolder, "projections.db"));
        await SchemaMigrator.MigrateAsync(source, cancellationToken);
        await using var writer = new WriterConnection(source);
        var ledger = new LedgerStore(source, [], writer);
        var step = progress.Start("ledger from the entries", log.Leaves.Count);
        for (var from = 0; from < log.Leaves.Count; from += AppendChunk)
        {
            var count = Math.Min(AppendChunk, log.Leaves.Count - from);
            var rows = Enumerable.Range(from, count).Select(i => new LedgerEntryRow(i, log.LeafHashes[i], log.Leaves[i])).ToArray();
            // Interior nodes are not needed: the rebuild reads entries only.
            await ledger.AppendAsync(from, rows, [], cancellationToken);
            step.Increment(count);
        }
        step.Complete($"{log.Leaves.Count} entries written");

        var rebuild = progress.Start("projections rebuilt from the ledger", 1);
        long replayed;
        try
        {
            replayed = await ProjectionRebuild.RebuildAsync(ledger, target, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new AuditException(ExitCodes.LogMismatch, $"LOG MISMATCH: an entry of the log cannot be replayed: {e.Message}");
        }
        rebuild.Complete($"{replayed} entries replayed into {Path.Combine(workFolder, "projections.db")}");
        return target;
    }

    private static Database Fresh(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
        // Unpooled, so nothing keeps the files open once the audit ends.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        return new Database(SqlDialect.For(StorageProvider.Sqlite), connectionString);
    }
}
