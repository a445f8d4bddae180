using DataCustody.Sdk.Receipts;

namespace DataCustody.Cli;

/// <summary>
/// What <c>custody</c> calls each reason a receipt fails and the exit code it ends with, so that
/// <c>receipt fetch</c> and <c>verify receipt</c> report it the same way.
/// </summary>
internal static class ReceiptVerdict
{
    public static string Label(ReceiptFailure failure) => failure switch
    {
        ReceiptFailure.BadCheckpoint => "BAD CHECKPOINT",
        ReceiptFailure.NotCovered => "NOT COVERED",
        ReceiptFailure.BadInclusionProof => "BAD INCLUSION PROOF",
        ReceiptFailure.EntryMismatch => "ENTRY MISMATCH",
        ReceiptFailure.NoEntry => "NO ENTRY",
        _ => "MALFORMED RECEIPT",
    };

    public static int ExitCode(ReceiptFailure failure) => failure switch
    {
        ReceiptFailure.BadCheckpoint => ExitCodes.BadCheckpoint,
        ReceiptFailure.NotCovered => ExitCodes.ReceiptNotCovered,
        ReceiptFailure.BadInclusionProof => ExitCodes.ReceiptBadProof,
        ReceiptFailure.EntryMismatch => ExitCodes.ReceiptEntryMismatch,
        ReceiptFailure.NoEntry => ExitCodes.ReceiptNoEntry,
        _ => ExitCodes.InvalidInput,
    };
}
