using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Tiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace DataCustody.Grains.Ledger;

/// <summary>
/// Sequences every entry into the Merkle log. Concurrent appends queue up while one transaction
/// is in flight, and for a short pause after it while they are few, and then share the next one
/// (group commit), so throughput does not hang on single-commit latency; an append that makes the
/// shared transaction fail is then tried alone, and fails alone. The tree lives in memory
/// only as a compact range, restored from storage on activation, and only the commit loop changes it.
/// </summary>
[Reentrant]
internal sealed partial class LedgerGrain(
    LedgerStore store,
    LogSigner signer,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<LedgerGrain> logger) : Grain, ILedgerGrain
{
    private readonly LedgerOptions _options = options.Value;
    // Appends queue on the grain's scheduler and the commit loop takes them on the thread pool: the
    // gate guards what both use, the queue, the flags and the size and root the loop publishes.
    private readonly Lock _gate = new();
    private readonly PendingAppends _pending = new(options.Value, clock);

    // SQLite has one write lock: the checkpoint write and the append transactions would fight
    // over it through busy-timeout retries, starving the checkpoint. Taking turns is fair.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private CompactRange _range = new();
    private long _size;
    private byte[] _root = MerkleHash.EmptyRoot();
    private LogCheckpoint? _latest;
    private TaskScheduler _grainScheduler = TaskScheduler.Default;
    private bool _committing;
    private bool _broken;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => this.ActivateAsync(() => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _grainScheduler = TaskScheduler.Current;
        _size = await store.ReadSizeAsync(cancellationToken);
        var frontier = await store.GetNodesAsync(CompactRange.FrontierNodes((ulong)_size), cancellationToken);
        _range = new CompactRange((ulong)_size, frontier);
        _root = _range.Root();

        var stored = await store.ReadLatestCheckpointAsync(cancellationToken);
        if (stored is not null)
        {
            _latest = new LogCheckpoint(stored.Size, stored.RootHash, stored.Note, DateTimeOffset.FromUnixTimeMilliseconds(stored.SignedAtMs));
        }
        LogActivated(_size, _latest?.Size ?? 0);

        // Entries acknowledged before a crash get their checkpoint now, and a fresh log its first.
        await SignCheckpointAsync(cancellationToken);
        this.RegisterGrainTimer(SignCheckpointAsync, new GrainTimerCreationOptions(_options.CheckpointInterval, _options.CheckpointInterval) { Interleave = true });
    }

    public Task<LedgerAppend> Append(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0 || leaves.Count > _options.MaxLeavesPerAppend)
        {
            throw new ArgumentException($"An append carries 1 to {_options.MaxLeavesPerAppend} leaves, got {leaves.Count}.", nameof(leaves));
        }
        for (var i = 0; i < leaves.Count; i++)
        {
            // Auditors read entries in C2SP entry bundles, whose lengths are 16-bit: a longer leaf
            // would make its whole tile unservable.
            if (leaves[i] is null || leaves[i].Length > EntryBundle.MaxEntryBytes)
            {
                throw new ArgumentException($"Leaf {i} is missing or larger than {EntryBundle.MaxEntryBytes} bytes.", nameof(leaves));
            }
        }

        // Hashing on arrival overlaps with the transaction in flight instead of delaying the next.
        byte[][] leafHashes = [.. leaves.Select(leaf => MerkleHash.Leaf(leaf))];
        PendingAppend pending;
        bool start;
        lock (_gate)
        {
            if (_broken)
            {
                throw Reloading();
            }
            pending = _pending.Enqueue(leaves, leafHashes);
            start = !_committing;
            _committing = true;
        }
        if (start)
        {
            // The commit loop runs off the grain's scheduler: between two transactions it would otherwise
            // wait for a turn behind every grain call queued on the thread pool.
            _ = Task.Run(CommitPendingAsync);
        }
        return pending.Result.Task;
    }

    public Task<LogCheckpoint?> GetLatestCheckpoint() => Task.FromResult(_latest);

    public Task<string> GetVerifierKey() => Task.FromResult(signer.VerifierKey.ToString());

    public Task<LedgerStatus> GetStatus()
    {
        lock (_gate)
        {
            return Task.FromResult(new LedgerStatus(_size, _latest?.Size ?? 0, RuntimeIdentity, _pending.Count));
        }
    }

    private async Task CommitPendingAsync()
    {
        var firstBatch = true;
        while (TakeNextBatch() is { } batch)
        {
            await CommitAsync(batch);
            // Measured on HTTP ingest (2 cores, SQLite): without the pause a transaction held a median
            // of 2 entries and wrote 13 KB per statement; with 2 ms it holds hundreds, and ingest rose
            // by a sixth. When enough appends arrived during the transaction, a pause only idles the
            // writer: statements through the grains fell by a fifteenth with it. A lone append that
            // found the ledger idle is most likely a caller appending one after another, which the
            // pause would slow eightfold. Real time, not the clock: tests move that one.
            var loneAppend = firstBatch && batch.Count == 1;
            if (!loneAppend && _options.CommitDelay > TimeSpan.Zero && PendingEntries() < _options.SmallTransactionEntries)
            {
                await Task.Delay(_options.CommitDelay);
            }
            firstBatch = false;
        }
    }

    private int PendingEntries()
    {
        lock (_gate)
        {
            return _pending.Entries;
        }
    }

    // Null, and the loop ends, when nothing is pending or another writer was found.
    private List<PendingAppend>? TakeNextBatch()
    {
        List<PendingAppend> batch;
        int expired;
        lock (_gate)
        {
            if (_broken)
            {
                _committing = false;
                return null;
            }
            batch = _pending.TakeBatch(out expired);
            if (batch.Count == 0)
            {
                _committing = false;
            }
        }
        if (expired > 0)
        {
            LogExpired(expired, _options.AppendDeadline);
        }
        return batch.Count > 0 ? batch : null;
    }

    // A transaction of several appends that failed without writing anything is tried again one append at
    // a time, so that an append the database refuses fails alone, not every caller that shared its
    // transaction. The loop itself must not end in an exception: its flag would stay set, and appends
    // would wait forever.
    private async Task CommitAsync(List<PendingAppend> batch)
    {
        if (await TryCommitAsync(batch) is not { } error)
        {
            return;
        }
        if (batch.Count == 1)
        {
            batch[0].Result.TrySetException(error);
            return;
        }
        var expired = 0;
        foreach (var append in batch)
        {
            // Only this loop sets the flag, so it reads it without the gate. A database that refuses every
            // write fails the appends one after another: the deadline ends that before their callers give up.
            if (_broken)
            {
                append.Result.TrySetException(Reloading());
            }
            else if (_pending.TryExpire(append))
            {
                expired++;
            }
            else if (await TryCommitAsync([append]) is { } own)
            {
                append.Result.TrySetException(own);
            }
        }
        if (expired > 0)
        {
            LogExpired(expired, _options.AppendDeadline);
        }
    }

    // Writes the batch and answers its callers once it is durable, or fails them when whether it was written
    // cannot be told. Returns the error, the callers not answered, when nothing was written. Only the commit
    // loop changes the tree, so it reads it without the gate and publishes the new size and root under it.
    private async Task<Exception?> TryCommitAsync(List<PendingAppend> batch)
    {
        var count = batch.Sum(append => append.Leaves.Count);
        var firstIndex = (long)_range.Size;
        var frontierBefore = _range.FrontierHashes();
        // Whatever fails from here leaves the tree as it was, unless the batch is in the log all the same.
        try
        {
            var (entries, nodes) = ExtendTree(batch, count);
            await WriteAsync(() => store.AppendAsync(firstIndex, entries, nodes));
        }
        catch (LedgerConflictException e)
        {
            _range = new CompactRange((ulong)firstIndex, frontierBefore);
            LogCommitFailed(e, firstIndex, count);
            // Another activation appended: the head this one expected was gone, so the batch was not written.
            Break(batch, Reloading());
            return null;
        }
        catch (Exception e)
        {
            // A commit whose answer was lost, with its connection during COMMIT say, may have landed.
            var written = await WrittenAsync(firstIndex, count, batch[^1].LeafHashes[^1]);
            if (written is not true)
            {
                _range = new CompactRange((ulong)firstIndex, frontierBefore);
                // The callers get the storage's message only: its exception types have no Orleans codec, and
                // would reach them as a CodecNotFoundException. The log keeps the original with its stack.
                if (written is false)
                {
                    LogCommitFailed(e, firstIndex, count);
                    return new LedgerWriteFailedException(e.Message, mayHaveBeenWritten: false);
                }
                // Something may have been written, so the callers are not invited to retry.
                LogCommitOutcomeUnknown(e, firstIndex, count);
                Break(batch, new LedgerWriteFailedException(e.Message, mayHaveBeenWritten: true));
                return null;
            }
            LogCommitLanded(e, firstIndex, count);
        }

        var root = _range.Root();
        lock (_gate)
        {
            _size = firstIndex + count;
            _root = root;
        }
        var next = firstIndex;
        foreach (var append in batch)
        {
            append.Result.TrySetResult(new LedgerAppend(next, append.Leaves.Count));
            next += append.Leaves.Count;
        }
        return null;
    }

    // Whether a batch whose transaction reported a failure is in the log all the same: true when the head
    // stands right after it and the last entry is the batch's last leaf, false when the head has not moved,
    // and null when it cannot be read or stands anywhere else, and nobody can tell.
    private async Task<bool?> WrittenAsync(long firstIndex, int count, byte[] lastLeafHash)
    {
        try
        {
            var size = await store.ReadSizeAsync();
            if (size == firstIndex)
            {
                return false;
            }
            if (size != firstIndex + count)
            {
                return null;
            }
            var last = await store.ReadEntriesAsync(size - 1, 1);
            return last.Count == 1 && last[0].LeafHash.AsSpan().SequenceEqual(lastLeafHash) ? true : null;
        }
        catch (Exception e)
        {
            LogHeadUnreadable(e);
            return null;
        }
    }

    // This activation no longer knows what the log holds and must not write again. It fails the batch with
    // batchError and what waits behind it, never tried, as to be retried, and deactivates: the next
    // activation reads the log afresh.
    private void Break(List<PendingAppend> batch, Exception batchError)
    {
        List<PendingAppend> stranded;
        lock (_gate)
        {
            _broken = true;
            stranded = _pending.TakeAll();
        }
        FailAll(batch, batchError);
        FailAll(stranded, Reloading());
        _ = Task.Factory.StartNew(DeactivateOnIdle, CancellationToken.None, TaskCreationOptions.None, _grainScheduler);
    }

    // Appends the batch's leaves to the tree: the entries to store, and the interior nodes they complete.
    private (List<LedgerEntryRow> Entries, List<LedgerNodeRow> Nodes) ExtendTree(List<PendingAppend> batch, int count)
    {
        var entries = new List<LedgerEntryRow>(count);
        var nodes = new List<LedgerNodeRow>(count);
        NodeVisitor keepInterior = (node, hash) =>
        {
            if (node.Level > 0)
            {
                nodes.Add(new LedgerNodeRow(node.Level, (long)node.Index, hash.ToArray()));
            }
        };
        foreach (var append in batch)
        {
            for (var i = 0; i < append.Leaves.Count; i++)
            {
                entries.Add(new LedgerEntryRow((long)_range.Size, append.LeafHashes[i], append.Leaves[i]));
                _range.Append(append.LeafHashes[i], keepInterior);
            }
        }
        return (entries, nodes);
    }

    private async Task SignCheckpointAsync(CancellationToken cancellationToken)
    {
        long size;
        byte[] root;
        lock (_gate)
        {
            (size, root) = (_size, _root);
        }
        // A fresh log signs its empty tree too, so there is always a checkpoint to serve.
        if (size == _latest?.Size)
        {
            return;
        }
        var checkpoint = signer.Sign(size, root, clock.GetUtcNow());
        var stored = new StoredCheckpoint(checkpoint.Size, checkpoint.RootHash, checkpoint.Note, checkpoint.SignedAt.ToUnixTimeMilliseconds());
        // SQLite blocks its thread: off the grain's scheduler, which has calls to answer meanwhile.
        await WriteAsync(() => Task.Run(() => store.SaveCheckpointAsync(stored, cancellationToken)));
        // Published only once stored, so a checkpoint a client has seen survives a crash.
        if (checkpoint.Size >= (_latest?.Size ?? 0))
        {
            _latest = checkpoint;
        }
    }

    private async Task WriteAsync(Func<Task> write)
    {
        await _writer.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _writer.Release();
        }
    }

    private static LedgerUnavailableException Reloading() =>
        new("The ledger found the log other than it expected and is reloading it; nothing was appended. Retry the append.");

    private static void FailAll(IEnumerable<PendingAppend> appends, Exception error)
    {
        foreach (var append in appends)
        {
            append.Result.TrySetException(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger activated at size {Size}, last checkpoint at size {CheckpointSize}")]
    private partial void LogActivated(long size, long checkpointSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} appends waited {Deadline} for a transaction and were refused, to be retried")]
    private partial void LogExpired(int count, TimeSpan deadline);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} entries at index {FirstIndex} failed; nothing was written")]
    private partial void LogCommitFailed(Exception error, long firstIndex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending {Count} entries at index {FirstIndex} reported a failure, yet the log holds them; the callers were told they were appended")]
    private partial void LogCommitLanded(Exception error, long firstIndex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} entries at index {FirstIndex} failed, and whether they were written cannot be told; the callers were told of the failure, and the ledger reloads")]
    private partial void LogCommitOutcomeUnknown(Exception error, long firstIndex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log's head could not be read after a failed append")]
    private partial void LogHeadUnreadable(Exception error);
}
