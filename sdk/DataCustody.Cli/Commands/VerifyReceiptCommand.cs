using System.CommandLine;
using DataCustody.Sdk.Receipts;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody verify receipt</c>: checks a statement's receipt offline: the checkpoint's signature with
/// the pinned log key, and the inclusion proof from the entry's leaf hash to the checkpoint's root.
/// </summary>
internal static class VerifyReceiptCommand
{
    public static Command Create()
    {
        var receipt = new Option<string>("--receipt") { Description = "The receipt JSON file (the SDK's Receipt.ToJson), or - for standard input.", Required = true };
        var command = new Command("receipt", "Verify a statement's receipt offline: the checkpoint signature and the inclusion proof.") { receipt };
        var (key, keyFile) = CommonOptions.VerifierKey(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(receipt), parse.GetValue(key), parse.GetValue(keyFile), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string receiptFile, string? keyText, string? keyFile, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var (logKey, keyExit) = await CommonOptions.ReadVerifierKeyAsync(keyText, keyFile, console.Error, cancellationToken);
        if (logKey is null)
        {
            return keyExit;
        }
        if (await CommonOptions.ReadInputAsync(receiptFile, console.Error, cancellationToken) is not { } json)
        {
            return ExitCodes.Failure;
        }

        try
        {
            var verified = Receipt.Verify(json, logKey);
            console.Output.WriteLine(
                $"VALID: statement {verified.StatementId} is entry {verified.EntryIndex} of the log {verified.Checkpoint.Origin} " +
                $"at size {verified.Checkpoint.Size} (root {Convert.ToBase64String(verified.Checkpoint.RootHash.Span)})");
            return ExitCodes.Success;
        }
        catch (ReceiptVerificationException e)
        {
            var (label, exitCode) = e.Failure switch
            {
                ReceiptFailure.BadCheckpoint => ("BAD CHECKPOINT", ExitCodes.BadCheckpoint),
                ReceiptFailure.NotCovered => ("NOT COVERED", ExitCodes.ReceiptNotCovered),
                ReceiptFailure.BadInclusionProof => ("BAD INCLUSION PROOF", ExitCodes.ReceiptBadProof),
                _ => ("MALFORMED RECEIPT", ExitCodes.InvalidInput),
            };
            console.Error.WriteLine($"INVALID ({label}): {e.Message}");
            return exitCode;
        }
    }
}
