using System.CommandLine;
using System.Net.Http.Headers;
using DataCustody.Cli.Api;
using DataCustody.Sdk;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Receipts;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody receipt fetch</c>: from what <c>POST /api/v1/statements</c> answered for one statement
/// (its id, entry index and leaf hash), fetches the statement's log entry as its provider, waits for a
/// checkpoint signed by the pinned key that covers the entry, fetches the inclusion proof, verifies the
/// receipt and writes the receipt JSON that <c>custody verify receipt</c> checks offline.
/// </summary>
internal static class ReceiptFetchCommand
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var url = CommonOptions.Url();
        var token = new Option<string>("--token") { Description = "The provider's access token: the broker serves a statement's log entry to its provider only.", Required = true };
        var statementId = new Option<string>("--statement-id") { Description = "The statement's id, as the broker's result named it.", Required = true };
        var entryIndex = new Option<long>("--entry-index") { Description = "The result's entryIndex.", Required = true };
        var leafHash = new Option<string>("--leaf-hash") { Description = "The result's leafHash (unpadded base64url).", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the receipt JSON; standard output when left out." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for a checkpoint that covers the entry.", DefaultValueFactory = _ => TimeSpan.FromMinutes(1) };
        var command = new Command("fetch", "Wait until a signed checkpoint covers a logged statement and write its verified receipt.")
        {
            url, token, statementId, entryIndex, leafHash, output, timeout,
        };
        var (key, keyFile) = CommonOptions.VerifierKey(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(parse.GetRequiredValue(url), parse.GetRequiredValue(token), parse.GetRequiredValue(statementId), parse.GetValue(entryIndex), parse.GetRequiredValue(leafHash), parse.GetValue(output), parse.GetValue(timeout)),
            parse.GetValue(key), parse.GetValue(keyFile), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Request request, string? keyText, string? keyFile, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var (logKey, keyExit) = await CommonOptions.ReadVerifierKeyAsync(keyText, keyFile, console.Error, cancellationToken);
        if (logKey is null)
        {
            return keyExit;
        }
        if (request.EntryIndex < 0)
        {
            console.Error.WriteLine($"--entry-index must not be negative, got {request.EntryIndex}.");
            return ExitCodes.InvalidInput;
        }
        if (!StrictBase64.TryDecodeUrl(System.Text.Encoding.ASCII.GetBytes(request.LeafHash), out var leafHash) || leafHash.Length != MerkleHash.Size)
        {
            console.Error.WriteLine("--leaf-hash is not a 32-byte hash in unpadded base64url.");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient { Timeout = RequestTimeout };
        using var provider = BrokerApi.CreateHttp(request.Url);
        provider.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
        using var fetcher = new ReceiptFetcher(new LogClient(http, request.Url), provider, logKey, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        try
        {
            var receipt = await fetcher.FetchAsync(request.StatementId, request.EntryIndex, leafHash, deadline.Token);
            var json = receipt.ToJson();
            if (request.Output is null)
            {
                console.Output.WriteLine(json);
            }
            else
            {
                await File.WriteAllTextAsync(request.Output, json + Environment.NewLine, cancellationToken);
                console.Error.WriteLine($"Receipt of statement {receipt.StatementId} (entry {receipt.EntryIndex}, tree size {receipt.TreeSize}) written to {request.Output}.");
            }
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine($"No checkpoint covered entry {request.EntryIndex} within {request.Timeout}.");
            return ExitCodes.Failure;
        }
        catch (ReceiptVerificationException e)
        {
            // The log's own proof or entry contradicts what the broker answered for the statement.
            console.Error.WriteLine($"INVALID ({ReceiptVerdict.Label(e.Failure)}): {e.Message}");
            return ReceiptVerdict.ExitCode(e.Failure);
        }
        catch (DataCustodyProblemException e)
        {
            // Such as a token the broker refuses, or a statement id this provider never recorded.
            console.Error.WriteLine($"The broker did not serve the statement's entry: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (LogMisbehaviourException e)
        {
            // Waiting longer does not help: the log has signed something an append-only log never would.
            console.Error.WriteLine($"{LogMisbehaviourVerdict.Label(e.Kind)}: {e.Message}");
            return LogMisbehaviourVerdict.ExitCode(e.Kind);
        }
        catch (Exception e) when (e is HttpRequestException or LogResponseException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
    }

    private sealed record Request(Uri Url, string Token, string StatementId, long EntryIndex, string LeafHash, string? Output, TimeSpan Timeout);
}
