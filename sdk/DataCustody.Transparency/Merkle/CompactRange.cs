using System.Numerics;

namespace DataCustody.Transparency.Merkle;

/// <summary>
/// The right-hand frontier of a Merkle tree that grows from leaf 0: one hash per set bit of the
/// tree size, the roots of the perfect subtrees that make up the tree. Appending is amortised
/// O(1), the root costs O(log n) and memory stays O(log n), so a log never re-reads its tree.
/// </summary>
public sealed class CompactRange
{
    private const int MaxLevels = 64;

    // Frontier hashes from the highest level (leftmost subtree) to the lowest, back to back.
    private readonly byte[] _hashes = new byte[MaxLevels * MerkleHash.Size];

    /// <summary>Creates the range of the empty tree.</summary>
    public CompactRange()
    {
    }

    /// <summary>
    /// Restores the range of a tree of <paramref name="size"/> leaves from the hashes of
    /// <see cref="FrontierNodes"/>, in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">The number or length of the hashes does not fit the size.</exception>
    public CompactRange(ulong size, IReadOnlyList<byte[]> frontierHashes)
    {
        ArgumentNullException.ThrowIfNull(frontierHashes);
        var expected = BitOperations.PopCount(size);
        if (frontierHashes.Count != expected)
        {
            throw new ArgumentException(
                $"A tree of size {size} has {expected} frontier hashes, got {frontierHashes.Count}.",
                nameof(frontierHashes));
        }
        for (var i = 0; i < expected; i++)
        {
            if (frontierHashes[i].Length != MerkleHash.Size)
            {
                throw new ArgumentException(
                    $"Frontier hash {i} has {frontierHashes[i].Length} bytes, expected {MerkleHash.Size}.",
                    nameof(frontierHashes));
            }
            frontierHashes[i].CopyTo(_hashes, i * MerkleHash.Size);
        }
        Size = size;
    }

    /// <summary>The number of leaves appended so far.</summary>
    public ulong Size { get; private set; }

    /// <summary>
    /// The nodes whose hashes make up the frontier of a tree of <paramref name="size"/> leaves,
    /// left to right: what a store must read to restore a range.
    /// </summary>
    public static IReadOnlyList<NodeId> FrontierNodes(ulong size)
    {
        var nodes = new List<NodeId>(BitOperations.PopCount(size));
        RangeDecomposition.AppendNodes(0, size, nodes);
        return nodes;
    }

    /// <summary>The frontier hashes, left to right, as <see cref="FrontierNodes"/> names them.</summary>
    public IReadOnlyList<byte[]> FrontierHashes()
    {
        var count = BitOperations.PopCount(Size);
        var hashes = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = _hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size).ToArray();
        }
        return hashes;
    }

    /// <summary>
    /// Appends a leaf hash. <paramref name="visitor"/>, when given, receives the leaf and then
    /// every interior node the append completes, from the lowest level up.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, NodeVisitor? visitor = null)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {MerkleHash.Size} bytes, got {leafHash.Length}.", nameof(leafHash));
        }
        if (Size == ulong.MaxValue)
        {
            throw new InvalidOperationException("The tree is full.");
        }

        var top = BitOperations.PopCount(Size);
        var slot = _hashes.AsSpan(top * MerkleHash.Size, MerkleHash.Size);
        leafHash.CopyTo(slot);
        visitor?.Invoke(new NodeId(0, Size), slot);

        // Each trailing set bit of the size is a left sibling waiting for the subtree just completed.
        var level = 0;
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            top--;
            level++;
            var left = _hashes.AsSpan(top * MerkleHash.Size, MerkleHash.Size);
            MerkleHash.Node(left, slot, left);
            slot = left;
            visitor?.Invoke(new NodeId(level, Size >> level), slot);
        }
        Size++;
    }

    /// <summary>The root hash of the tree of <see cref="Size"/> leaves.</summary>
    public byte[] Root()
    {
        var count = BitOperations.PopCount(Size);
        if (count == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        var root = _hashes.AsSpan((count - 1) * MerkleHash.Size, MerkleHash.Size).ToArray();
        for (var i = count - 2; i >= 0; i--)
        {
            MerkleHash.Node(_hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size), root, root);
        }
        return root;
    }
}
