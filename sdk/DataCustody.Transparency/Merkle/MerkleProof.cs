using System.Numerics;

namespace DataCustody.Transparency.Merkle;

/// <summary>
/// Verification of RFC 9162 §2.1.3 inclusion proofs and §2.1.4 consistency proofs. Every method
/// throws <see cref="InvalidProofException"/> naming the element, size or hash that failed.
/// </summary>
public static class MerkleProof
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of <paramref name="size"/> leaves with <paramref name="root"/>.</summary>
    public static void VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        var computed = RootFromInclusionProof(index, size, leafHash, proof);
        RequireMatch(computed, root, "root");
    }

    /// <summary>The root that an inclusion proof implies for leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves.</summary>
    public static byte[] RootFromInclusionProof(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            throw new InvalidProofException($"Leaf index {index} is not below tree size {size}.");
        }
        RequireHashLength(leafHash, "leaf hash");
        var (inner, border) = DecomposeInclusion(index, size);
        RequireProofLength(proof, inner + border);

        var hash = leafHash.ToArray();
        hash = ChainInner(hash, proof, 0, inner, index);
        return ChainBorderRight(hash, proof, inner, proof.Count);
    }

    /// <summary>Checks that the tree of <paramref name="size2"/> leaves with <paramref name="root2"/> extends the tree of <paramref name="size1"/> leaves with <paramref name="root1"/>.</summary>
    public static void VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size2 < size1)
        {
            throw new InvalidProofException($"The second tree size {size2} is below the first tree size {size1}.");
        }
        if (size1 == 0)
        {
            // Every tree extends the empty one, so there is nothing to prove beyond the empty
            // tree's root being what it must be and the second root being a hash at all.
            if (proof.Count > 0)
            {
                throw new InvalidProofException($"A proof from the empty tree must be empty, got {proof.Count} elements.");
            }
            RequireEqual(root1, MerkleHash.EmptyRoot(), "The first root is not the root of the empty tree.");
            RequireHashLength(root2, "second root");
            if (size2 == 0)
            {
                RequireEqual(root2, root1, "The trees have the same size but different roots.");
            }
            return;
        }
        if (size1 == size2)
        {
            if (proof.Count > 0)
            {
                throw new InvalidProofException($"Equal tree sizes need an empty proof, got {proof.Count} elements.");
            }
            RequireEqual(root2, root1, "The trees have the same size but different roots.");
            return;
        }
        if (proof.Count == 0)
        {
            throw new InvalidProofException("The proof is empty.");
        }

        var (inner, border) = DecomposeInclusion(size1 - 1, size2);
        var shift = BitOperations.TrailingZeroCount(size1);
        inner -= shift;

        // The proof starts with the root of the 2^shift subtree ending at size1, unless size1 is
        // exactly that subtree, whose hash is then the first root.
        var seed = root1.ToArray();
        var start = 0;
        if (size1 != 1UL << shift)
        {
            seed = proof[0];
            start = 1;
        }
        RequireProofLength(proof, start + inner + border);
        RequireHashLength(seed, start == 1 ? "proof element 0" : "first root");

        var mask = (size1 - 1) >> shift;
        var hash1 = ChainInnerRight(seed, proof, start, start + inner, mask);
        hash1 = ChainBorderRight(hash1, proof, start + inner, proof.Count);
        RequireMatch(hash1, root1, "first root");

        var hash2 = ChainInner(seed, proof, start, start + inner, mask);
        hash2 = ChainBorderRight(hash2, proof, start + inner, proof.Count);
        RequireMatch(hash2, root2, "second root");
    }

    /// <summary>The number of proof elements below the fork (inner) and along the right border.</summary>
    private static (int Inner, int Border) DecomposeInclusion(ulong index, ulong size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ (size - 1));
        var border = BitOperations.PopCount(index >> inner);
        return (inner, border);
    }

    private static byte[] ChainInner(byte[] seed, IReadOnlyList<byte[]> proof, int from, int to, ulong index)
    {
        var hash = seed;
        for (var i = from; i < to; i++)
        {
            var element = Element(proof, i);
            hash = ((index >> (i - from)) & 1) == 0 ? MerkleHash.Node(hash, element) : MerkleHash.Node(element, hash);
        }
        return hash;
    }

    private static byte[] ChainInnerRight(byte[] seed, IReadOnlyList<byte[]> proof, int from, int to, ulong index)
    {
        var hash = seed;
        for (var i = from; i < to; i++)
        {
            var element = Element(proof, i);
            if (((index >> (i - from)) & 1) == 1)
            {
                hash = MerkleHash.Node(element, hash);
            }
        }
        return hash;
    }

    private static byte[] ChainBorderRight(byte[] seed, IReadOnlyList<byte[]> proof, int from, int to)
    {
        var hash = seed;
        for (var i = from; i < to; i++)
        {
            hash = MerkleHash.Node(Element(proof, i), hash);
        }
        return hash;
    }

    private static byte[] Element(IReadOnlyList<byte[]> proof, int i)
    {
        var element = proof[i] ?? throw new InvalidProofException($"Proof element {i} is missing.");
        RequireHashLength(element, $"proof element {i}");
        return element;
    }

    private static void RequireProofLength(IReadOnlyList<byte[]> proof, int expected)
    {
        if (proof.Count != expected)
        {
            throw new InvalidProofException($"The proof has {proof.Count} elements, expected {expected}.");
        }
    }

    private static void RequireHashLength(ReadOnlySpan<byte> hash, string what)
    {
        if (hash.Length != MerkleHash.Size)
        {
            throw new InvalidProofException($"The {what} has {hash.Length} bytes, expected {MerkleHash.Size}.");
        }
    }

    private static void RequireEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, string message)
    {
        if (!a.SequenceEqual(b))
        {
            throw new InvalidProofException(message);
        }
    }

    private static void RequireMatch(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> expected, string what)
    {
        if (!computed.SequenceEqual(expected))
        {
            throw new InvalidProofException(
                $"The proof leads to {Convert.ToBase64String(computed)}, not the {what} {Convert.ToBase64String(expected)}.");
        }
    }
}
