using System.CommandLine;
using DataCustody.Sdk.Proofs;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody verify proofs</c>: checks a person's proof bundle (from <c>/api/v1/me/proofs</c> or the
/// pages' download) offline: the checkpoint's signature with the pinned log key, and every entry's
/// inclusion proof to the checkpoint's root. Whoever holds the bundle needs to trust nothing else.
/// </summary>
internal static class VerifyProofsCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "The proof bundle JSON file, or - for standard input.", Required = true };
        var command = new Command("proofs", "Verify a person's proof bundle offline: the checkpoint signature and every entry's inclusion proof.") { bundle };
        var (key, keyFile) = CommonOptions.VerifierKey(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(bundle), parse.GetValue(key), parse.GetValue(keyFile), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string bundleFile, string? keyText, string? keyFile, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var (logKey, keyExit) = await CommonOptions.ReadVerifierKeyAsync(keyText, keyFile, console.Error, cancellationToken);
        if (logKey is null)
        {
            return keyExit;
        }
        if (await CommonOptions.ReadInputAsync(bundleFile, console.Error, cancellationToken) is not { } json)
        {
            return ExitCodes.Failure;
        }

        ProofBundle parsed;
        try
        {
            parsed = ProofBundle.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (ProofBundleException e)
        {
            console.Error.WriteLine($"INVALID (MALFORMED BUNDLE): {e.Message}");
            return ExitCodes.InvalidInput;
        }
        try
        {
            var verified = ProofBundleVerifier.Verify(parsed, logKey);
            console.Output.WriteLine(
                $"VALID: {verified.Entries.Count} entries ({string.Join(", ", verified.Entries.Select(e => "#" + e.Index))}) are in the log " +
                $"{verified.Checkpoint.Origin} at size {verified.Checkpoint.Size} (root {Convert.ToBase64String(verified.Checkpoint.RootHash.Span)})");
            if (parsed.Pending.Count > 0)
            {
                console.Output.WriteLine($"Not yet covered by that checkpoint, so not checked: {string.Join(", ", parsed.Pending.Select(i => "#" + i))}");
            }
            return ExitCodes.Success;
        }
        catch (ProofBundleException e) when (e.EntryIndex is not null)
        {
            console.Error.WriteLine($"INVALID (BAD INCLUSION PROOF): {e.Message}");
            return ExitCodes.ReceiptBadProof;
        }
        catch (ProofBundleException e)
        {
            console.Error.WriteLine($"INVALID (BAD CHECKPOINT): {e.Message}");
            return ExitCodes.BadCheckpoint;
        }
    }
}
