using System.Text;
using System.Text.Json;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Receipts;

/// <summary>
/// Proof that a statement is in the log: the log entry that holds it, the entry's index and leaf hash, a
/// checkpoint signed by the log, and the inclusion proof from the leaf to the checkpoint's root. Anyone
/// holding the log's verifier key checks it offline with <see cref="Verify(NoteVerifierKey)"/>; it
/// serializes to JSON with <see cref="ToJson"/>.
/// </summary>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="EntryIndex">The entry that holds it.</param>
/// <param name="LeafHash">The entry's RFC 6962 leaf hash, unpadded base64url.</param>
/// <param name="TreeSize">The size of the tree the proof is for: the checkpoint's size.</param>
/// <param name="InclusionProof">The RFC 9162 inclusion proof, each hash in unpadded base64url.</param>
/// <param name="Checkpoint">The checkpoint as the signed note the log served.</param>
/// <param name="Leaf">
/// The entry itself, its leaf bytes in unpadded base64url: the envelope around the provider's exact JWS,
/// whose payload names the statement. Null in receipts made before receipts carried it, which therefore
/// do not verify (<see cref="ReceiptFailure.NoEntry"/>).
/// </param>
public sealed record Receipt(
    string StatementId,
    long EntryIndex,
    string LeafHash,
    long TreeSize,
    IReadOnlyList<string> InclusionProof,
    string Checkpoint,
    string? Leaf)
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
    /// Checks, offline, that the checkpoint is signed by <paramref name="logKey"/>, that the inclusion proof
    /// leads from the leaf hash at the entry index to the checkpoint's root, and that the entry hashes to the
    /// leaf hash and holds a provider's statement of <see cref="StatementId"/>.
    /// </summary>
    /// <exception cref="ReceiptVerificationException">A check failed; <see cref="ReceiptVerificationException.Failure"/> and the message say which and why.</exception>
    public ReceiptVerification Verify(NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        if (StatementId is null || LeafHash is null || InclusionProof is null || Checkpoint is null)
        {
            throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The receipt lacks a member.");
        }
        var leafHash = HashText.TryDecode(LeafHash)
            ?? throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The leaf hash is not the base64url of a 32-byte hash.");
        var proof = new byte[InclusionProof.Count][];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (InclusionProof[i] is { } text ? HashText.TryDecode(text) : null)
                ?? throw new ReceiptVerificationException(ReceiptFailure.Malformed, $"Proof element {i} is not the base64url of a 32-byte hash.");
        }
        byte[]? leaf = null;
        if (Leaf is not null && !StrictBase64.TryDecodeUrl(Encoding.UTF8.GetBytes(Leaf), out leaf))
        {
            throw new ReceiptVerificationException(ReceiptFailure.Malformed, "The leaf is not unpadded base64url.");
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
            MerkleProof.VerifyInclusion((ulong)EntryIndex, checkpoint.Size, leafHash, proof, checkpoint.Checkpoint.RootHash.Span);
        }
        catch (InvalidProofException e)
        {
            throw new ReceiptVerificationException(ReceiptFailure.BadInclusionProof, $"Entry {EntryIndex} is not proven in the tree of {checkpoint.Size} entries: {e.Message}", e);
        }

        // The proof covers a hash; only the entry that hashes to it says which statement that is.
        if (leaf is null)
        {
            throw new ReceiptVerificationException(ReceiptFailure.NoEntry,
                $"Entry {EntryIndex} is in the log, but the receipt does not carry the entry, so nothing shows that it holds statement {StatementId}. "
                + "Fetch the statement's receipt again: the new one carries its entry.");
        }
        if (!MerkleHash.Leaf(leaf).AsSpan().SequenceEqual(leafHash))
        {
            throw new ReceiptVerificationException(ReceiptFailure.EntryMismatch, $"The receipt's entry does not hash to its leaf hash, so it is not entry {EntryIndex}.");
        }
        var statement = StatementIn(leaf);
        return new ReceiptVerification(statement.Id, statement.Provider, EntryIndex, checkpoint.Checkpoint);
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

    /// <summary>The provider's statement in the entry <paramref name="leaf"/>, if it is the one the receipt names.</summary>
    private ProviderStatement StatementIn(byte[] leaf)
    {
        LogEntry? entry;
        CompactJws jws;
        try
        {
            jws = LogEntry.TryFromLeaf(leaf, out entry) && entry.Jws is { } text
                ? CompactJws.Parse(text)
                : throw new FormatException("It is not a log entry's envelope.");
        }
        catch (Exception e) when (e is FormatException or JwsException)
        {
            throw new ReceiptVerificationException(ReceiptFailure.EntryMismatch, $"Entry {EntryIndex} does not hold a signed statement: {e.Message}", e);
        }
        if (StatementCodec.Parse(jws.Payload.Span).Statement is not ProviderStatement statement)
        {
            throw new ReceiptVerificationException(ReceiptFailure.EntryMismatch, $"Entry {EntryIndex} does not hold a provider's statement.");
        }
        if (!string.Equals(statement.Id, StatementId, StringComparison.Ordinal))
        {
            throw new ReceiptVerificationException(ReceiptFailure.EntryMismatch,
                $"Entry {EntryIndex} holds statement {statement.Id} of {statement.Provider}, not statement {StatementId}.");
        }
        // The envelope names the provider the broker took the statement from; only then is it that provider's statement.
        if (!string.Equals(entry.By, statement.Provider, StringComparison.Ordinal))
        {
            throw new ReceiptVerificationException(ReceiptFailure.EntryMismatch,
                $"Entry {EntryIndex} was logged for {entry.By}, but its statement names provider {statement.Provider}.");
        }
        return statement;
    }
}
