namespace DataCustody.Grains.Ledger;

/// <summary>
/// The one sequencer of the log. Every entry of the broker goes through <see cref="Append"/>;
/// there is exactly one ledger, at key <see cref="LedgerKey.Id"/>.
/// </summary>
[Alias("DataCustody.Ledger.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Appends leaves as consecutive entries and answers only once the transaction that holds them
    /// is durable. Concurrent calls share one transaction. The leaves are not copied: the caller
    /// must not change them afterwards. Throws <see cref="LedgerUnavailableException"/> when the
    /// ledger cannot take the append now; nothing of it was written then, and it may be sent again.
    /// Throws <see cref="LedgerWriteFailedException"/> when the storage failed the append's transaction.
    /// </summary>
    [Alias("Append")]
    Task<LedgerAppend> Append([Immutable] IReadOnlyList<byte[]> leaves);

    /// <summary>The latest signed checkpoint, or null before the first entry was checkpointed.</summary>
    [Alias("GetLatestCheckpoint")]
    Task<LogCheckpoint?> GetLatestCheckpoint();

    /// <summary>The published key (<c>name+keyid+base64</c>) that verifies the log's checkpoints.</summary>
    [Alias("GetVerifierKey")]
    Task<string> GetVerifierKey();

    /// <summary>Where the ledger stands: durable size, checkpointed size and hosting silo.</summary>
    [Alias("GetStatus")]
    Task<LedgerStatus> GetStatus();
}

/// <summary>Where the ledger lives.</summary>
public static class LedgerKey
{
    /// <summary>The key of the single ledger grain.</summary>
    public const long Id = 0;
}
