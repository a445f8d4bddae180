using System.Data.Common;

namespace DataCustody.Storage;

/// <summary>
/// Small writes that callers make one at a time, committed together: while one transaction runs, the
/// writes that arrive queue and then share the next (group commit). Each durable commit costs a disk
/// flush and SQLite's one write lock, which the ledger's appends need too; a transaction per write
/// made a busy broker spend its time waiting for flushes. For writes that fail only when the
/// database does: one failing write fails the others of its transaction. The transactions go
/// through <paramref name="writer"/>, in turn with the other writes of the node.
/// </summary>
public sealed class GroupedWrites(WriterConnection writer)
{
    private readonly Lock _gate = new();
    private List<QueuedWrite> _queued = [];
    private Task? _committing;

    /// <summary>Runs <paramref name="write"/> in the next transaction; returns once that transaction is committed.</summary>
    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var queued = new QueuedWrite(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _queued.Add(queued);
            _committing ??= Task.Run(CommitQueuedAsync);
        }
        return queued.Committed.Task;
    }

    private async Task CommitQueuedAsync()
    {
        while (TakeQueued() is { } writes)
        {
            try
            {
                await writer.WriteAsync(connection => CommitAsync(connection, writes), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                writes.ForEach(queued => queued.Committed.TrySetException(e));
                continue;
            }
            writes.ForEach(queued => queued.Committed.TrySetResult());
        }
    }

    private static async Task CommitAsync(DbConnection connection, List<QueuedWrite> writes)
    {
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        foreach (var queued in writes)
        {
            await queued.Write(connection, transaction).ConfigureAwait(false);
        }
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>The writes queued so far; null, and the loop ends, when there are none.</summary>
    private List<QueuedWrite>? TakeQueued()
    {
        lock (_gate)
        {
            if (_queued.Count == 0)
            {
                _committing = null;
                return null;
            }
            var writes = _queued;
            _queued = [];
            return writes;
        }
    }

    private sealed record QueuedWrite(Func<DbConnection, DbTransaction, Task> Write, TaskCompletionSource Committed);
}
