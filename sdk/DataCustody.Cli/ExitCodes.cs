namespace DataCustody.Cli;

/// <summary>The exit codes of <c>custody</c>; README.md lists them for scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A usage error, a file that could not be read or written, a broker or log that could not be reached.</summary>
    public const int Failure = 1;

    /// <summary>The input was refused: an invalid statement, key, kid, receipt or state file, or a problem the API answered.</summary>
    public const int InvalidInput = 2;

    /// <summary>The log served a checkpoint that is not validly signed by the pinned key.</summary>
    public const int BadCheckpoint = 3;

    /// <summary>The log served a validly signed checkpoint that is not consistent with the verified one.</summary>
    public const int Fork = 4;

    /// <summary>The log served a validly signed checkpoint smaller than the verified one.</summary>
    public const int Rollback = 5;

    /// <summary><c>verify receipt</c>: the receipt's entry index or tree size is not covered by its checkpoint.</summary>
    public const int ReceiptNotCovered = 6;

    /// <summary><c>verify receipt</c>, <c>verify proofs</c>: an inclusion proof does not lead from the leaf hash to the checkpoint's root.</summary>
    public const int ReceiptBadProof = 7;

    /// <summary><c>audit</c>: the entries or hash tiles the log served do not hash to its signed checkpoint.</summary>
    public const int LogMismatch = 8;

    /// <summary><c>audit</c>: the API's answers differ from the projections rebuilt from the log.</summary>
    public const int ProjectionMismatch = 9;

    /// <summary><c>verify receipt</c>, <c>receipt fetch</c>: the receipt's entry does not hash to its leaf hash or does not hold the statement the receipt names.</summary>
    public const int ReceiptEntryMismatch = 10;

    /// <summary><c>verify receipt</c>: the receipt does not carry its entry (made before receipts did), so it does not show which statement it is for.</summary>
    public const int ReceiptNoEntry = 11;
}
