using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;

namespace DataCustody.Transparency.Merkle;

/// <summary>
/// The RFC 6962 (RFC 9162 §2.1.1) Merkle tree hash: SHA-256 with domain separation between
/// leaves (prefix <c>0x00</c>) and interior nodes (prefix <c>0x01</c>).
/// </summary>
public static class MerkleHash
{
    /// <summary>Length in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;
    private const int StackLimit = 1024;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Hashes a leaf: <c>SHA-256(0x00 || leaf)</c>.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> leaf)
    {
        var hash = new byte[Size];
        Leaf(leaf, hash);
        return hash;
    }

    /// <summary>Hashes a leaf into <paramref name="destination"/>, which must hold <see cref="Size"/> bytes.</summary>
    public static void Leaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        // One contiguous input lets the one-shot SHA-256 run without an incremental context.
        var length = 1 + leaf.Length;
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = rented is null ? stackalloc byte[StackLimit] : rented;
        input[0] = LeafPrefix;
        leaf.CopyTo(input[1..]);
        SHA256.HashData(input[..length], destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Hashes two children: <c>SHA-256(0x01 || left || right)</c>.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>
    /// Hashes two children into <paramref name="destination"/>, which may overlap either child.
    /// </summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        SHA256.HashData(input, destination);
    }

    /// <summary>
    /// The Merkle tree hash of a list of leaf hashes, by the recursive definition of RFC 9162 §2.1.1.
    /// </summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? EmptyRoot() : Subtree(leafHashes, 0, leafHashes.Count);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leafHashes, int begin, int end)
    {
        if (end - begin == 1)
        {
            return leafHashes[begin];
        }
        // The left subtree holds the largest power of two strictly smaller than the range.
        var split = begin + (1 << BitOperations.Log2((uint)(end - begin - 1)));
        return Node(Subtree(leafHashes, begin, split), Subtree(leafHashes, split, end));
    }
}
