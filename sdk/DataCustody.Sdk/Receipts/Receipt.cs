using System.Text.Json;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Receipts;

/// <summary>
/// Proof that a statement is in the log: the entry's index and leaf hash, a checkpoint signed by the log,
/// and the inclusion proof from the leaf to the checkpoint's root. Anyone holding the log's verifier key
/// checks it offline with <see cref="Verify(NoteVerifierKey)"/>; it serializes to JSON with <see cref="ToJson"/>.
/// </summary>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="EntryIndex">The log entry that holds it.</param>
/// <param name="LeafHash">The entry's RFC 6962 leaf hash, unpadded base64url.</param>
/// <param name="TreeSize">The size of the tree the proof is for: the checkpoint's size.</param>
/// <param name="InclusionProof">The RFC 9162 inclusion proof, each hash in unpadded base64url.</param>
/// <param name="Checkpoint">The checkpoint as the signed note the log served.</param>
public sealed record Receipt(
    string StatementId,
    long EntryIndex,
    string LeafHash,
    long TreeSize,
    IReadOnlyList<string> InclusionProof,
    string Checkpoint)
{
    /// <summary>The receipt as JSON (camelCase members).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SdkJson.Options);

    /// <summary>Reads a receipt written by <see cref="ToJson"/>; does not verify it.</summary>
    /// <exception cref="ReceiptVerificationException">With <see cref="ReceiptFailure.Malformed"/>: the text is not a receipt.</exception>
    public static Receipt FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var receipt = JsonSerializer.Deserialize<Receipt>(json, SdkJson.Options);
            if (receipt is null || receipt.StatementId is null || receipt.LeafHash is null || receipt.InclusionProof is null || receipt.Checkpoint is null)
            {
                throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The JSON is not a receipt: a member is missing.");
            }
            return receipt;
        }
        catch (JsonException e)
        {
            throw new ReceiptVerificationException(ReceiptFailure.Malformed, $"The JSON is not a receipt: {e.Message}", e);
        }
    }

    /// <summary>Reads and verifies the receipt <paramref name="json"/> with <paramref name="logKey"/>.</summary>
    /// <exception cref="ReceiptVerificationException">The receipt is malformed or does not verify; the message says why.</exception>
    public static ReceiptVerification Verify(string json, NoteVerifierKey logKey) => FromJson(json).Verify(logKey);

    /// <summary>
    /// Checks, offline, that the checkpoint is signed by <paramref name="logKey"/> and that the inclusion
    /// proof leads from the leaf hash at the entry index to the checkpoint's root.
    /// </summary>
    /// <exception cref="ReceiptVerificationException">A check failed; <see cref="ReceiptVerificationException.Failure"/> and the message say which and why.</exception>
    public ReceiptVerification Verify(NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        if (StatementId is null || LeafHash is null || InclusionProof is null || Checkpoint is null)
        {
            throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The receipt lacks a member.");
        }
        var leaf = HashText.TryDecode(LeafHash)
            ?? throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The leaf hash is not the base64url of a 32-byte hash.");
        var proof = new byte[InclusionProof.Count][];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (InclusionProof[i] is { } text ? HashText.TryDecode(text) : null)
                ?? throw new ReceiptVerificationException(ReceiptFailure.Malformed, $"Proof element {i} is not the base64url of a 32-byte hash.");
        }

        VerifiedCheckpoint checkpoint;
        try
        {
            checkpoint = VerifiedCheckpoint.Open(Checkpoint, logKey);
        }
        catch (LogMisbehaviourException e)
        {
            throw new ReceiptVerificationException(ReceiptFailure.BadCheckpoint, e.Message, e);
        }
        if (EntryIndex < 0 || (ulong)EntryIndex >= checkpoint.Size)
        {
            throw new ReceiptVerificationException(ReceiptFailure.NotCovered, $"Entry {EntryIndex} is not in the checkpoint's tree of {checkpoint.Size} entries.");
        }
        if (TreeSize < 0 || (ulong)TreeSize != checkpoint.Size)
        {
            throw new ReceiptVerificationException(ReceiptFailure.NotCovered, $"The receipt's tree size {TreeSize} is not the checkpoint's {checkpoint.Size}.");
        }
        try
        {
            MerkleProof.VerifyInclusion((ulong)EntryIndex, checkpoint.Size, leaf, proof, checkpoint.Checkpoint.RootHash.Span);
        }
        catch (InvalidProofException e)
        {
            throw new ReceiptVerificationException(ReceiptFailure.BadInclusionProof, $"Entry {EntryIndex} is not proven in the tree of {checkpoint.Size} entries: {e.Message}", e);
        }
        return new ReceiptVerification(StatementId, EntryIndex, checkpoint.Checkpoint);
    }

    /// <summary>Like <see cref="Verify(NoteVerifierKey)"/>, but answers false with the reason instead of throwing.</summary>
    public bool TryVerify(NoteVerifierKey logKey, out string? reason)
    {
        try
        {
            Verify(logKey);
            reason = null;
            return true;
        }
        catch (ReceiptVerificationException e)
        {
            reason = e.Message;
            return false;
        }
    }
}
