using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Notes;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk.Receipts;

/// <summary>
/// The provider client's <see cref="ReceiptFetcher"/>, built from the options on first use so that a
/// client that never waits for inclusion needs no verifier key.
/// </summary>
internal sealed class InclusionWaiter : IDisposable
{
    public const string HttpClientName = "DataCustody.Log";

    private readonly Lazy<ReceiptFetcher> _fetcher;

    public InclusionWaiter(IHttpClientFactory factory, IOptions<DataCustodyOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _fetcher = new(() =>
        {
            if (settings.VerifierKey is null)
            {
                throw new InvalidOperationException("Set DataCustodyOptions.VerifierKey to the log's verifier key to wait for inclusion: checkpoints are trusted only under a pinned key.");
            }
            var log = new LogClient(factory.CreateClient(HttpClientName), settings.NormalizedBaseAddress);
            // The provider client's own pipeline: its base address, retries and client-credential token.
            var provider = factory.CreateClient(DataCustodyProviderClient.HttpClientName);
            return new ReceiptFetcher(log, provider, NoteVerifierKey.Parse(settings.VerifierKey.Trim()), settings.InclusionPollDelay, settings.InclusionPollMaxDelay, time);
        });
    }

    public Task<Receipt> WaitAsync(StatementResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsLogged)
        {
            throw new ArgumentException($"Statement '{result.StatementId}' is {result.Status.ToString().ToLowerInvariant()}, not in the log: there is nothing to wait for.", nameof(result));
        }
        var leaf = result.LeafHashBytes()
            ?? throw new ArgumentException($"The leaf hash of statement '{result.StatementId}' is not a 32-byte hash.", nameof(result));
        return _fetcher.Value.FetchAsync(result.StatementId, result.EntryIndex!.Value, leaf, cancellationToken);
    }

    public void Dispose()
    {
        if (_fetcher.IsValueCreated)
        {
            _fetcher.Value.Dispose();
        }
    }
}
