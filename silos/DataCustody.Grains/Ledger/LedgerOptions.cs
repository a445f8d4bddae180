namespace DataCustody.Grains.Ledger;

/// <summary>How the ledger batches and checkpoints.</summary>
public sealed class LedgerOptions
{
    /// <summary>The log's origin line in checkpoints, e.g. <c>custody.example/log</c>.</summary>
    public string Origin { get; set; } = "datacustody.local/log";

    /// <summary>
    /// How often a new checkpoint is signed while there are new entries. The design asks for at
    /// least every 500 ms; the default leaves room for the signing itself.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The most entries one group-commit transaction takes; later callers wait for the next.</summary>
    public int MaxEntriesPerTransaction { get; set; } = 20_000;

    /// <summary>The largest leaf accepted, in bytes.</summary>
    public int MaxLeafBytes { get; set; } = 256 * 1024;

    /// <summary>The most leaves one <see cref="ILedgerGrain.Append"/> call may carry.</summary>
    public int MaxLeavesPerAppend { get; set; } = 10_000;
}
