using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Log;

/// <summary>
/// A checkpoint whose signature by the log's key verified, together with the exact signed note:
/// the note is what a monitor keeps, because it proves what the log committed to.
/// </summary>
public sealed class VerifiedCheckpoint
{
    private VerifiedCheckpoint(string note, Checkpoint checkpoint)
    {
        Note = note;
        Checkpoint = checkpoint;
    }

    /// <summary>The signed note exactly as the log served it.</summary>
    public string Note { get; }

    /// <summary>The checkpoint the note carries.</summary>
    public Checkpoint Checkpoint { get; }

    /// <summary>The tree size.</summary>
    public ulong Size => Checkpoint.Size;

    /// <summary>The root hash in standard base64, as the checkpoint writes it.</summary>
    public string RootBase64 => Convert.ToBase64String(Checkpoint.RootHash.Span);

    /// <summary>
    /// Verifies <paramref name="note"/> against <paramref name="logKey"/> and parses its checkpoint.
    /// </summary>
    /// <exception cref="LogMisbehaviourException">
    /// With <see cref="LogMisbehaviour.BadCheckpoint"/>: the note is not signed by the key, a signature fails, the text is not a
    /// checkpoint, or its origin is not the key's name.
    /// </exception>
    public static VerifiedCheckpoint Open(string note, NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(logKey);
        try
        {
            return new VerifiedCheckpoint(note, Checkpoint.OpenSigned(note, logKey));
        }
        catch (NoteException e)
        {
            throw new LogMisbehaviourException(LogMisbehaviour.BadCheckpoint, $"the checkpoint does not verify with the log key {logKey.Name}+{logKey.KeyId:x8}: {e.Message}", note);
        }
        catch (CheckpointFormatException e)
        {
            throw new LogMisbehaviourException(LogMisbehaviour.BadCheckpoint, $"the log key signed a note that is not a checkpoint of its log: {e.Message}", note);
        }
    }
}
