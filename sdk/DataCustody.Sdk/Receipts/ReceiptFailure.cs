namespace DataCustody.Sdk.Receipts;

/// <summary>Why a receipt did not verify.</summary>
public enum ReceiptFailure
{
    /// <summary>A part of the receipt is missing or not in its format (a hash that is not 32 bytes, say).</summary>
    Malformed,

    /// <summary>The checkpoint is not signed by the given log key, a signature fails, or it is not a checkpoint.</summary>
    BadCheckpoint,

    /// <summary>The entry index is not below the checkpoint's tree size, or the receipt's tree size is not the checkpoint's.</summary>
    NotCovered,

    /// <summary>The inclusion proof does not lead from the leaf hash to the checkpoint's root.</summary>
    BadInclusionProof,

    /// <summary>
    /// The receipt's entry does not hash to its leaf hash, or does not hold the statement the receipt names:
    /// a statement of another id, no provider's statement, or one logged for another provider than it names.
    /// </summary>
    EntryMismatch,

    /// <summary>
    /// The receipt does not carry its entry, as receipts made before they carried it do not, so nothing shows
    /// which statement its entry holds, even though the inclusion proof holds. A new receipt of the statement does.
    /// </summary>
    NoEntry,
}
