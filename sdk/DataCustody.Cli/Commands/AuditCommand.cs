using System.CommandLine;
using System.Data.Common;
using DataCustody.Cli.Api;
using DataCustody.Cli.Auditing;
using DataCustody.Cli.Progress;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody audit</c>: downloads the whole log up to a verified checkpoint, checks that its entries and
/// hash tiles hash to the checkpoint, rebuilds the projections from the entries alone, and compares them
/// with what the API answers.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var token = new Option<string>("--token") { Description = "An auditor's (or regulator's) access token: entry bundles are served to those roles only.", Required = true };
        var regulatorToken = new Option<string?>("--regulator-token") { Description = "A regulator's access token, to compare open obligations too (auditors may not read them)." };
        var work = new Option<string?>("--work") { Description = "The folder for the downloaded tiles and the rebuilt databases. Default: a new temporary folder." };
        var command = new Command("audit", "Download and verify the whole log, rebuild the projections from it, and compare them with the API.") { url, token, regulatorToken, work };
        var (key, keyFile) = CommonOptions.VerifierKey(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(url), parse.GetRequiredValue(token), parse.GetValue(regulatorToken), parse.GetValue(key), parse.GetValue(keyFile),
            parse.GetValue(work), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Uri url, string token, string? regulatorToken, string? keyText, string? keyFile, string? work, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var (logKey, keyExit) = await CommonOptions.ReadVerifierKeyAsync(keyText, keyFile, console.Error, cancellationToken);
        if (logKey is null)
        {
            return keyExit;
        }
        string workFolder;
        try
        {
            workFolder = work is null ? Directory.CreateTempSubdirectory("custody-audit-").FullName : Directory.CreateDirectory(work).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Could not create the work folder: {e.Message}");
            return ExitCodes.Failure;
        }

        using var http = BrokerApi.CreateHttp(url);
        var api = new BrokerApi(http, token);
        var regulator = regulatorToken is null ? null : new BrokerApi(http, regulatorToken);
        try
        {
            return await WorkProgress.RunAsync(console.Error, async progress =>
            {
                var log = await LogDownload.RunAsync(api, logKey, workFolder, progress, cancellationToken);
                var rebuilt = await ProjectionReplay.RunAsync(log, workFolder, progress, cancellationToken);
                var outcome = await new ApiComparison(api, regulator, rebuilt, progress).RunAsync(cancellationToken);
                var size = log.Checkpoint.Size;
                if (outcome.Mismatches.Count > 0)
                {
                    foreach (var mismatch in outcome.Mismatches)
                    {
                        console.Output.WriteLine(mismatch);
                    }
                    console.Error.WriteLine($"AUDIT FAILED: {outcome.Mismatches.Count} differences between the API and the projections rebuilt from the log's {size} entries (work folder {workFolder}).");
                    return ExitCodes.ProjectionMismatch;
                }
                console.Output.WriteLine(
                    $"audit passed: log {log.Checkpoint.Checkpoint.Origin} size {size} root {log.Checkpoint.RootBase64}; " +
                    $"entries and tiles match the checkpoint; {outcome.Providers} providers, {outcome.ProfileRows} profile versions, {outcome.TermsRows} terms" +
                    (outcome.ObligationsCompared ? $", {outcome.ObligationRows} open obligations" : " (obligations not compared)") +
                    " equal in the API and the rebuild");
                return ExitCodes.Success;
            });
        }
        catch (AuditException e)
        {
            console.Error.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (BrokerFailures.Explain(e, url, console.Error, cancellationToken, out var exitCode))
        {
            return exitCode;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException)
        {
            console.Error.WriteLine($"The broker's answer is not what the audit expects: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            console.Error.WriteLine($"The rebuild in {workFolder} failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
