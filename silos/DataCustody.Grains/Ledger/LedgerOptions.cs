namespace DataCustody.Grains.Ledger;

/// <summary>How the ledger batches and checkpoints.</summary>
public sealed class LedgerOptions
{
    /// <summary>The log's origin line in checkpoints, e.g. <c>custody.example/log</c>.</summary>
    public string Origin { get; set; } = "datacustody.local/log";

    /// <summary>
    /// The pause between storing one checkpoint and signing the next while there are new
    /// entries. The design asks for a checkpoint at least every 500 ms; the default leaves room
    /// for waiting out one append transaction before the checkpoint is stored.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the ledger waits for more appends after a transaction when fewer than
    /// <see cref="SmallTransactionEntries"/> are waiting, before it starts the next one. Under load,
    /// appends arrive one statement at a time, and without this pause each transaction took the two
    /// or three that came in while the one before it was written, paying a commit per couple of
    /// entries. A lone append that finds the ledger idle is committed without it, so a caller
    /// appending one after another is not slowed. <see cref="TimeSpan.Zero"/> turns the pause off.
    /// </summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// The fewest waiting entries that make the next transaction large enough to start at once:
    /// while fewer wait after a transaction, the ledger pauses <see cref="CommitDelay"/> for others
    /// to join them.
    /// </summary>
    public int SmallTransactionEntries { get; set; } = 256;

    /// <summary>The most entries one group-commit transaction takes; later callers wait for the next.</summary>
    public int MaxEntriesPerTransaction { get; set; } = 20_000;

    /// <summary>The most leaves one <see cref="ILedgerGrain.Append"/> call may carry.</summary>
    public int MaxLeavesPerAppend { get; set; } = 10_000;

    /// <summary>
    /// The most entries that may wait for a transaction. An append that would take the waiting
    /// entries past this is refused at once with <see cref="LedgerUnavailableException"/>, so that
    /// a ledger falling behind its callers tells them to come back later instead of holding ever
    /// more appends in memory. At least <see cref="MaxEntriesPerTransaction"/> and
    /// <see cref="MaxLeavesPerAppend"/>, so that a full transaction, and any one append, can wait.
    /// </summary>
    public int MaxPendingEntries { get; set; } = 100_000;

    /// <summary>
    /// How long an append may wait for its transaction. One that waited this long is refused with
    /// <see cref="LedgerUnavailableException"/> instead of written. Must stay below the Orleans
    /// response timeout of the ledger's callers (30 s by default; a silo refuses to start with a
    /// deadline not below its own), with room for the time the request took before it reached the
    /// ledger: a caller that timed out retries, and a copy of the append written after the retry
    /// was checked would be logged twice.
    /// </summary>
    public TimeSpan AppendDeadline { get; set; } = TimeSpan.FromSeconds(20);
}
