using System.Text;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Proofs;

/// <summary>
/// Checks a <see cref="ProofBundle"/> offline, with nothing but the log's verifier key: the
/// checkpoint's signature, and every entry's inclusion proof against the checkpoint's root.
/// </summary>
public static class ProofBundleVerifier
{
    /// <summary>Verifies <paramref name="bundle"/> against <paramref name="logKey"/>, a key you trust.</summary>
    /// <exception cref="ProofBundleException">Anything fails: the key, the signature, the size, a leaf, a proof.</exception>
    public static VerifiedProofBundle Verify(ProofBundle bundle, NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(logKey);
        if (!string.Equals(bundle.VerifierKey.Trim(), logKey.ToString(), StringComparison.Ordinal))
        {
            throw new ProofBundleException($"The bundle names the verifier key {bundle.VerifierKey}, not the trusted {logKey}.");
        }
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.OpenSigned(bundle.Checkpoint, logKey);
        }
        catch (Exception e) when (e is NoteException or CheckpointFormatException)
        {
            throw new ProofBundleException("The checkpoint does not verify: " + e.Message, e);
        }
        if (bundle.TreeSize < 0 || checkpoint.Size != (ulong)bundle.TreeSize)
        {
            throw new ProofBundleException($"The bundle's tree size {bundle.TreeSize} is not the checkpoint's {checkpoint.Size}.");
        }
        var root = checkpoint.RootHash.Span.ToArray();
        var entries = new List<VerifiedEntry>(bundle.Entries.Count);
        foreach (var entry in bundle.Entries)
        {
            entries.Add(VerifyEntry(entry, checkpoint.Size, root));
        }
        return new VerifiedProofBundle(checkpoint, bundle.Checkpoint, entries);
    }

    private static VerifiedEntry VerifyEntry(ProofBundleEntry entry, ulong size, byte[] root)
    {
        if (entry.Index < 0 || (ulong)entry.Index >= size)
        {
            throw new ProofBundleException(entry.Index, $"the index is outside the tree of size {size}.");
        }
        var leaf = Decode(entry.Index, entry.Leaf, "leaf");
        var proof = entry.Proof.Select(hash => Decode(entry.Index, hash, "proof hash")).ToList();
        if (proof.Any(hash => hash.Length != MerkleHash.Size))
        {
            throw new ProofBundleException(entry.Index, $"a proof hash is not {MerkleHash.Size} bytes.");
        }
        var leafHash = MerkleHash.Leaf(leaf);
        try
        {
            MerkleProof.VerifyInclusion((ulong)entry.Index, size, leafHash, proof, root);
        }
        catch (InvalidProofException e)
        {
            throw new ProofBundleException(entry.Index, "the inclusion proof does not lead to the checkpoint's root: " + e.Message, e);
        }
        return new VerifiedEntry(entry.Index, leaf, leafHash);
    }

    private static byte[] Decode(long index, string text, string what) =>
        StrictBase64.TryDecodeUrl(Encoding.UTF8.GetBytes(text), out var bytes)
            ? bytes
            : throw new ProofBundleException(index, $"the {what} is not base64url without padding.");
}
