namespace DataCustody.Grains.Ledger;

/// <summary>
/// The ledger's storage failed an append. The storage's own exception does not cross Orleans (its type has no
/// codec), so this one carries its message, and the ledger logs the original. When
/// <see cref="MayHaveBeenWritten"/> is false nothing of the append was written, and the same append sent again
/// can succeed; when true, whether it was written cannot be told, and the ledger reloads the log first.
/// </summary>
[GenerateSerializer, Alias("DataCustody.Ledger.LedgerWriteFailedException")]
public sealed class LedgerWriteFailedException : Exception
{
    /// <summary>Creates the exception for a write that failed with <paramref name="storageError"/>.</summary>
    public LedgerWriteFailedException(string storageError, bool mayHaveBeenWritten)
        : base(mayHaveBeenWritten
            ? $"The ledger's storage failed an append, and whether it was written cannot be told: {storageError}"
            : $"The ledger's storage failed an append; nothing was written: {storageError}") =>
        MayHaveBeenWritten = mayHaveBeenWritten;

    /// <summary>Whether the append may be in the log all the same: its transaction failed in a way that hides its outcome.</summary>
    [Id(0)]
    public bool MayHaveBeenWritten { get; private set; }
}
