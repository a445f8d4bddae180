namespace DataCustody.Sdk.Receipts;

/// <summary>A receipt did not verify; <see cref="Failure"/> and the message say why.</summary>
public sealed class ReceiptVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReceiptVerificationException(ReceiptFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    /// <summary>Which check failed.</summary>
    public ReceiptFailure Failure { get; }
}
