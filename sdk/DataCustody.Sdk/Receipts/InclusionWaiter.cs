using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk.Receipts;

/// <summary>
/// Waits until a checkpoint signed by the pinned log key covers an entry, then fetches and verifies the
/// entry's inclusion proof. One <see cref="CheckpointFollower"/> is shared by all waiters, so every new
/// checkpoint is also checked to extend the previous one.
/// </summary>
internal sealed class InclusionWaiter : IDisposable
{
    public const string HttpClientName = "DataCustody.Log";

    private readonly DataCustodyOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<(LogClient Log, CheckpointFollower Follower, NoteVerifierKey Key)> _log;
    private readonly SemaphoreSlim _advancing = new(1, 1);

    public InclusionWaiter(IHttpClientFactory factory, IOptions<DataCustodyOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _log = new(() =>
        {
            if (_options.VerifierKey is null)
            {
                throw new InvalidOperationException("Set DataCustodyOptions.VerifierKey to the log's verifier key to wait for inclusion: checkpoints are trusted only under a pinned key.");
            }
            var key = NoteVerifierKey.Parse(_options.VerifierKey.Trim());
            var log = new LogClient(factory.CreateClient(HttpClientName), _options.NormalizedBaseAddress);
            return (log, new CheckpointFollower(log, key, null), key);
        });
    }

    public async Task<Receipt> WaitAsync(StatementResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsLogged)
        {
            throw new ArgumentException($"Statement '{result.StatementId}' is {result.Status.ToString().ToLowerInvariant()}, not in the log: there is nothing to wait for.", nameof(result));
        }
        var leaf = result.LeafHashBytes()
            ?? throw new ArgumentException($"The leaf hash of statement '{result.StatementId}' is not a 32-byte hash.", nameof(result));
        var index = (ulong)result.EntryIndex!.Value;
        var (log, _, key) = _log.Value;
        var delay = _options.InclusionPollDelay;
        while (true)
        {
            var checkpoint = await CheckpointCoveringAsync(index, cancellationToken);
            if (checkpoint is not null)
            {
                var proof = await log.GetInclusionProofAsync(index, checkpoint.Size, cancellationToken);
                var receipt = new Receipt(
                    result.StatementId,
                    result.EntryIndex.Value,
                    HashText.Encode(leaf),
                    (long)checkpoint.Size,
                    [.. proof.Select(h => HashText.Encode(h))],
                    checkpoint.Note);
                // What the log proves must be what the broker said it logged: a mismatch is evidence, not noise.
                receipt.Verify(key);
                return receipt;
            }
            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.InclusionPollMaxDelay.Ticks));
        }
    }

    public void Dispose() => _advancing.Dispose();

    /// <summary>The trusted checkpoint if it covers <paramref name="index"/>, after advancing once if needed; null if none does yet.</summary>
    private async Task<VerifiedCheckpoint?> CheckpointCoveringAsync(ulong index, CancellationToken cancellationToken)
    {
        var follower = _log.Value.Follower;
        if (follower.Trusted is { } trusted && trusted.Size > index)
        {
            return trusted;
        }
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            // Another waiter may have advanced while this one waited.
            if (follower.Trusted is { } advanced && advanced.Size > index)
            {
                return advanced;
            }
            try
            {
                await follower.AdvanceAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or LogResponseException)
            {
                // The log is not reachable or not ready (no checkpoint yet): poll again after the delay.
                return null;
            }
            return follower.Trusted is { } latest && latest.Size > index ? latest : null;
        }
        finally
        {
            _advancing.Release();
        }
    }
}
