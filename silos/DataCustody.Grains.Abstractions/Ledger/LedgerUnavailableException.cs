namespace DataCustody.Grains.Ledger;

/// <summary>
/// The ledger did not append: nothing of the append was written, and the same append sent again
/// later can succeed. The ledger refuses so when more entries wait than it holds, when an append
/// waited past its deadline, or while it reloads after finding the log other than it expected.
/// </summary>
[GenerateSerializer, Alias("DataCustody.Ledger.LedgerUnavailableException")]
public sealed class LedgerUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says why the ledger refused.</summary>
    public LedgerUnavailableException(string message)
        : base(message)
    {
    }
}
