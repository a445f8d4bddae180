using System.CommandLine;
using DataCustody.Sdk.Receipts;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody verify receipt</c>: checks a statement's receipt offline: the checkpoint's signature with
/// the pinned log key, the inclusion proof from the entry's leaf hash to the checkpoint's root, and that
/// the entry the receipt carries hashes to that leaf hash and holds the statement the receipt names.
/// </summary>
internal static class VerifyReceiptCommand
{
    public static Command Create()
    {
        var receipt = new Option<string>("--receipt") { Description = "The receipt JSON file (the SDK's Receipt.ToJson), or - for standard input.", Required = true };
        var command = new Command("receipt", "Verify a statement's receipt offline: the checkpoint signature, the inclusion proof and the statement in the entry.") { receipt };
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
                $"VALID: statement {verified.StatementId} of {verified.Provider} is entry {verified.EntryIndex} of the log {verified.Checkpoint.Origin} " +
                $"at size {verified.Checkpoint.Size} (root {Convert.ToBase64String(verified.Checkpoint.RootHash.Span)})");
            return ExitCodes.Success;
        }
        catch (ReceiptVerificationException e)
        {
            console.Error.WriteLine($"INVALID ({ReceiptVerdict.Label(e.Failure)}): {e.Message}");
            return ReceiptVerdict.ExitCode(e.Failure);
        }
    }
}
