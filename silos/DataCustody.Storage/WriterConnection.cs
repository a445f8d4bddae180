using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCustody.Storage;

/// <summary>
/// The one connection the log's appends and checkpoints and the person registry's writes go
/// through, one at a time. A SQLite page cache belongs to a connection and is dropped whenever
/// another connection writes, so a pooled connection per append would re-read the projections'
/// index pages every time, and so would a registry write on a connection of its own between two
/// appends; a connection kept for all writes keeps them warm. A write that fails closes it, and
/// the next write opens a fresh one. The dialect's upkeep (SQLite's checkpoints) runs after
/// writes, beside the next ones, and is finished on this connection between two writes.
/// </summary>
public sealed partial class WriterConnection(Database database, ILogger<WriterConnection>? logger = null) : IAsyncDisposable
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DbConnection? _connection;
    // The upkeep running beside the writes, or done and waiting to be finished; null once finished.
    private Task? _upkeep;
    private long _upkeepStarted;

    /// <summary>Runs <paramref name="write"/> with the writer's connection, after any write before it.</summary>
    public async Task WriteAsync(Func<DbConnection, Task> write, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            await write(_connection).ConfigureAwait(false);
            await UpkeepAsync(_connection).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_upkeep is { } upkeep)
            {
                await upkeep.ContinueWith(ReportFailedUpkeep, TaskScheduler.Default).ConfigureAwait(false);
            }
            await CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task UpkeepAsync(DbConnection connection)
    {
        if (_upkeep is { IsCompleted: true } done)
        {
            ReportFailedUpkeep(done);
            _upkeep = null;
            try
            {
                await database.Dialect.FinishUpkeepAsync(connection).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The write itself is committed; a WAL left over only grows until the next upkeep.
                LogUpkeepFailed(e);
            }
        }
        else if (_upkeep is null && database.Dialect.UpkeepSpacing is { } spacing && Stopwatch.GetElapsedTime(_upkeepStarted) >= spacing)
        {
            _upkeepStarted = Stopwatch.GetTimestamp();
            _upkeep = Task.Run(() => database.Dialect.MaintainAfterWritesAsync(database), CancellationToken.None);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await database.Dialect.PrepareWriterAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    // A failed upkeep only postpones it (a WAL that is not checkpointed grows); the next write starts it again.
    private void ReportFailedUpkeep(Task upkeep)
    {
        if (upkeep.Exception is { } failure)
        {
            LogUpkeepFailed(failure.GetBaseException());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upkeep after the writes failed; it runs again after the next write.")]
    private partial void LogUpkeepFailed(Exception error);
}
