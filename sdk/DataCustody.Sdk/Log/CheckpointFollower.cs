using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Log;

/// <summary>
/// Follows a log's checkpoints and accepts each new one only if it is signed by the pinned key and
/// provably extends the one trusted before (RFC 9162 consistency), so that the log can only ever grow.
/// </summary>
public sealed class CheckpointFollower
{
    private readonly LogClient _log;
    private readonly NoteVerifierKey _logKey;

    /// <summary>Creates a follower that trusts <paramref name="trusted"/> (null: the first checkpoint seen) and nothing else.</summary>
    public CheckpointFollower(LogClient log, NoteVerifierKey logKey, VerifiedCheckpoint? trusted)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(logKey);
        _log = log;
        _logKey = logKey;
        Trusted = trusted;
    }

    /// <summary>The latest checkpoint verified so far.</summary>
    public VerifiedCheckpoint? Trusted { get; private set; }

    /// <summary>
    /// Fetches the latest checkpoint and verifies it against <see cref="Trusted"/>; on success it
    /// becomes <see cref="Trusted"/>. On any exception <see cref="Trusted"/> stays as it was.
    /// </summary>
    /// <exception cref="LogMisbehaviourException">The checkpoint is bad (including an answer that is not a note), or shows a fork or a rollback.</exception>
    /// <exception cref="HttpRequestException">The log could not be reached; retry.</exception>
    /// <exception cref="LogResponseException">The log's consistency proof was garbled; retry.</exception>
    /// <exception cref="Polly.ExecutionRejectedException">The resilience pipeline of the log client's <see cref="HttpClient"/> refused the request (circuit open, out of time); retry.</exception>
    public async Task<CheckpointAdvance> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var latest = VerifiedCheckpoint.Open(await GetCheckpointNoteAsync(cancellationToken), _logKey);
        var previous = Trusted;
        if (previous is not null)
        {
            await RequireExtensionAsync(previous, latest, cancellationToken);
        }
        Trusted = latest;
        return new CheckpointAdvance(previous, latest);
    }

    private async Task<string> GetCheckpointNoteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _log.GetCheckpointAsync(cancellationToken);
        }
        catch (LogResponseException e)
        {
            // A success answer that is no note claims as much as a note that does not verify (which an
            // error page served with 200 already is): both are a bad checkpoint, not a network failure.
            throw new LogMisbehaviourException(LogMisbehaviour.BadCheckpoint, $"the log's checkpoint answer is not a signed note: {e.Message}", "");
        }
    }

    private async Task RequireExtensionAsync(VerifiedCheckpoint trusted, VerifiedCheckpoint latest, CancellationToken cancellationToken)
    {
        // Both name the same log: opening a checkpoint holds its origin to the pinned key's name.
        if (latest.Size < trusted.Size)
        {
            throw new LogMisbehaviourException(LogMisbehaviour.Rollback,
                $"checkpoint at size {latest.Size} (root {latest.RootBase64}) is smaller than the verified checkpoint at size {trusted.Size} (root {trusted.RootBase64}): the log shrank",
                latest.Note);
        }
        if (latest.Size == trusted.Size)
        {
            if (!latest.Checkpoint.RootHash.Span.SequenceEqual(trusted.Checkpoint.RootHash.Span))
            {
                throw new LogMisbehaviourException(LogMisbehaviour.Fork,
                    $"checkpoint at size {latest.Size} has root {latest.RootBase64}, but the verified checkpoint at the same size has root {trusted.RootBase64}",
                    latest.Note);
            }
            return;
        }

        // Every tree extends the empty one: there is nothing to fetch, only the empty root to check.
        var proof = trusted.Size == 0
            ? []
            : await _log.GetConsistencyProofAsync(trusted.Size, latest.Size, cancellationToken);
        try
        {
            MerkleProof.VerifyConsistency(trusted.Size, latest.Size, proof, trusted.Checkpoint.RootHash.Span, latest.Checkpoint.RootHash.Span);
        }
        catch (InvalidProofException e)
        {
            throw new LogMisbehaviourException(LogMisbehaviour.Fork,
                $"checkpoint at size {latest.Size} has root {latest.RootBase64}, but the verified checkpoint at size {trusted.Size} (root {trusted.RootBase64}) is not a prefix of it: {e.Message}",
                latest.Note);
        }
    }
}
