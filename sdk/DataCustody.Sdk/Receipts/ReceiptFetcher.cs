using DataCustody.Sdk.Http;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using Polly;

namespace DataCustody.Sdk.Receipts;

/// <summary>
/// Turns "the broker logged this statement at entry N with leaf hash H" into a <see cref="Receipt"/>:
/// fetches the entry, waits (polling with backoff) until a checkpoint signed by the pinned log key covers
/// it, then fetches the inclusion proof and verifies the whole receipt. One fetcher follows the checkpoints
/// for all its callers, so every new checkpoint is also checked to extend the one trusted before.
/// </summary>
public sealed class ReceiptFetcher : IDisposable
{
    private readonly LogClient _log;
    private readonly HttpClient _provider;
    private readonly NoteVerifierKey _logKey;
    private readonly CheckpointFollower _follower;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollDelay;
    private readonly TimeSpan _maxPollDelay;
    private readonly SemaphoreSlim _advancing = new(1, 1);

    /// <summary>
    /// A fetcher over <paramref name="log"/> trusting checkpoints signed by <paramref name="logKey"/>, reading
    /// entries through <paramref name="provider"/>: a client with the broker's base URL as its base address whose
    /// requests carry the provider's access token, since the broker serves a statement's entry to its provider only.
    /// </summary>
    public ReceiptFetcher(LogClient log, HttpClient provider, NoteVerifierKey logKey, TimeSpan pollDelay, TimeSpan maxPollDelay, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPollDelay, pollDelay);
        _log = log;
        _provider = provider;
        _logKey = logKey;
        _follower = new CheckpointFollower(log, logKey, null);
        _pollDelay = pollDelay;
        _maxPollDelay = maxPollDelay;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The receipt of the statement logged at <paramref name="entryIndex"/> with <paramref name="leafHash"/>,
    /// once a checkpoint covers it. Throws <see cref="ReceiptVerificationException"/> when the log's proof or
    /// the entry does not match what the broker said it logged: that is evidence, not noise.
    /// </summary>
    /// <exception cref="DataCustodyProblemException">The broker did not serve the statement's entry (404: the provider recorded no statement of that id).</exception>
    public async Task<Receipt> FetchAsync(string statementId, long entryIndex, ReadOnlyMemory<byte> leafHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statementId);
        ArgumentOutOfRangeException.ThrowIfNegative(entryIndex);
        ArgumentOutOfRangeException.ThrowIfNotEqual(leafHash.Length, MerkleHash.Size, nameof(leafHash));
        var index = (ulong)entryIndex;
        // Served as soon as the statement is logged: a statement the broker does not hold fails now, not after the wait.
        var entry = await ApiHttp.SendAsync<StatementEntry>(
            _provider, HttpMethod.Get, $"api/v1/statements/{ApiHttp.Escape(statementId)}/entry", null, cancellationToken);
        var delay = _pollDelay;
        while (true)
        {
            var checkpoint = await CheckpointCoveringAsync(index, cancellationToken);
            if (checkpoint is not null && await InclusionProofAsync(index, checkpoint, cancellationToken) is { } proof)
            {
                var receipt = new Receipt(
                    statementId,
                    entryIndex,
                    HashText.Encode(leafHash.Span),
                    (long)checkpoint.Size,
                    [.. proof.Select(h => HashText.Encode(h))],
                    checkpoint.Note,
                    entry.Leaf);
                receipt.Verify(_logKey);
                return receipt;
            }
            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxPollDelay.Ticks));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _advancing.Dispose();

    /// <summary>The trusted checkpoint if it covers <paramref name="index"/>, after advancing once if needed; null if none does yet.</summary>
    private async Task<VerifiedCheckpoint?> CheckpointCoveringAsync(ulong index, CancellationToken cancellationToken)
    {
        if (_follower.Trusted is { } trusted && trusted.Size > index)
        {
            return trusted;
        }
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have advanced while this one waited.
            if (_follower.Trusted is { } advanced && advanced.Size > index)
            {
                return advanced;
            }
            try
            {
                await _follower.AdvanceAsync(cancellationToken);
            }
            catch (Exception e) when (IsNotYet(e, cancellationToken))
            {
                return null;
            }
            return _follower.Trusted is { } latest && latest.Size > index ? latest : null;
        }
        finally
        {
            _advancing.Release();
        }
    }

    /// <summary>The unverified proof of <paramref name="index"/> in <paramref name="checkpoint"/>'s tree; null if the log did not answer it this time.</summary>
    private async Task<IReadOnlyList<byte[]>?> InclusionProofAsync(ulong index, VerifiedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await _log.GetInclusionProofAsync(index, checkpoint.Size, cancellationToken);
        }
        catch (Exception e) when (IsNotYet(e, cancellationToken))
        {
            // Asking again for the same proof is harmless, and the checkpoint stays trusted: the next poll asks for the proof again.
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> means "not yet", to poll again after the delay until the caller cancels: the log is
    /// not reachable or not ready (no checkpoint yet, or no proof in its answer), the client's resilience pipeline
    /// refused the request (circuit open, timeout), or the request outlived the client's own timeout, which cancels it
    /// although the caller did not: a slow log is not ready either.
    /// </summary>
    private static bool IsNotYet(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or LogResponseException or ExecutionRejectedException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
