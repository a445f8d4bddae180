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
}
