namespace DataCustody.Grains.Ledger;

/// <summary>
/// The appends waiting for the next transaction, in the order they arrived, bounded by the entries
/// they carry: a ledger that falls behind refuses appends at once, rather than holding ever more
/// of them in memory for callers that stop waiting. An append that waited past its deadline is
/// refused instead of written: its caller has given up and may send it again, and both copies
/// would be logged. Not thread-safe: the ledger's gate guards it.
/// </summary>
internal sealed class PendingAppends(LedgerOptions options, TimeProvider clock)
{
    private readonly Queue<PendingAppend> _appends = new();

    /// <summary>How many appends wait.</summary>
    public int Count => _appends.Count;

    /// <summary>How many entries the waiting appends carry.</summary>
    public int Entries { get; private set; }

    /// <summary>
    /// Queues an append of <paramref name="leaves"/>; throws <see cref="LedgerUnavailableException"/>
    /// when they would take the queue past <see cref="LedgerOptions.MaxPendingEntries"/>.
    /// </summary>
    public PendingAppend Enqueue(IReadOnlyList<byte[]> leaves, byte[][] leafHashes)
    {
        if ((long)Entries + leaves.Count > options.MaxPendingEntries)
        {
            throw new LedgerUnavailableException(
                $"{Entries} entries already wait for the ledger, which holds at most {options.MaxPendingEntries}; nothing was appended. Retry later.");
        }
        var append = new PendingAppend(leaves, leafHashes, clock.GetTimestamp());
        _appends.Enqueue(append);
        Entries += leaves.Count;
        return append;
    }

    /// <summary>
    /// The appends of the next transaction, oldest first: one if any wait, and those behind it
    /// while they keep the transaction within <see cref="LedgerOptions.MaxEntriesPerTransaction"/>.
    /// Those that waited <see cref="LedgerOptions.AppendDeadline"/> or longer are refused with
    /// <see cref="LedgerUnavailableException"/> first; <paramref name="expired"/> counts them.
    /// </summary>
    public List<PendingAppend> TakeBatch(out int expired)
    {
        // All wait equally long and queue as they arrive: once the oldest has time left, so have those behind it.
        var now = clock.GetTimestamp();
        expired = 0;
        while (_appends.TryPeek(out var oldest) && TryExpire(oldest, now))
        {
            Dequeue();
            expired++;
        }

        var batch = new List<PendingAppend>();
        var entries = 0;
        while (_appends.TryPeek(out var next) && (batch.Count == 0 || entries + next.Leaves.Count <= options.MaxEntriesPerTransaction))
        {
            batch.Add(Dequeue());
            entries += next.Leaves.Count;
        }
        return batch;
    }

    /// <summary>
    /// Refuses <paramref name="append"/>, taken from this queue before, as <see cref="TakeBatch"/>
    /// would when it has waited <see cref="LedgerOptions.AppendDeadline"/> or longer; true when it
    /// did. Reads nothing the gate guards.
    /// </summary>
    public bool TryExpire(PendingAppend append) => TryExpire(append, clock.GetTimestamp());

    /// <summary>Every waiting append, leaving none.</summary>
    public List<PendingAppend> TakeAll()
    {
        List<PendingAppend> all = [.. _appends];
        _appends.Clear();
        Entries = 0;
        return all;
    }

    private bool TryExpire(PendingAppend append, long now)
    {
        if (clock.GetElapsedTime(append.ArrivedAt, now) < options.AppendDeadline)
        {
            return false;
        }
        append.Result.TrySetException(new LedgerUnavailableException(
            $"The append waited {options.AppendDeadline} for the ledger, as long as it may: its caller has most likely stopped waiting. Nothing was appended. Retry it."));
        return true;
    }

    private PendingAppend Dequeue()
    {
        var append = _appends.Dequeue();
        Entries -= append.Leaves.Count;
        return append;
    }
}
