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

    /// <summary>The most entries one group-commit transaction takes; later callers wait for the next.</summary>
    public int MaxEntriesPerTransaction { get; set; } = 20_000;

    /// <summary>The most leaves one <see cref="ILedgerGrain.Append"/> call may carry.</summary>
    public int MaxLeavesPerAppend { get; set; } = 10_000;
}
