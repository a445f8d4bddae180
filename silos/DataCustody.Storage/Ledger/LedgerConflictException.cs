namespace DataCustody.Storage.Ledger;

/// <summary>
/// An append expected the log to be at one size and found another: some other writer appended
/// first. The writer must reload its state instead of forking the log.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception for the sizes expected and found.</summary>
    public LedgerConflictException(long expectedSize, long actualSize)
        : base($"The ledger was expected at size {expectedSize} but is at {actualSize}: another writer appended.")
    {
        ExpectedSize = expectedSize;
        ActualSize = actualSize;
    }

    /// <summary>The size the writer expected.</summary>
    public long ExpectedSize { get; }

    /// <summary>The size the database holds.</summary>
    public long ActualSize { get; }
}
