using System.Numerics;

namespace DataCustody.Transparency.Merkle;

/// <summary>
/// The complete nodes a proof is made of, and which run of them must be hashed together into the
/// one proof element that stands for an incomplete (ephemeral) subtree at the tree's right edge.
/// A proof of a tree of size n reads O(log n) nodes.
/// </summary>
public sealed class ProofPlan
{
    private readonly int _ephemeralBegin;
    private readonly int _ephemeralEnd;

    private ProofPlan(IReadOnlyList<NodeId> nodes, int ephemeralBegin, int ephemeralEnd)
    {
        Nodes = nodes;
        _ephemeralBegin = ephemeralBegin;
        _ephemeralEnd = ephemeralEnd;
    }

    /// <summary>The complete nodes to read, in the order <see cref="Assemble"/> expects their hashes.</summary>
    public IReadOnlyList<NodeId> Nodes { get; }

    /// <summary>The nodes of an inclusion proof of leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves.</summary>
    public static ProofPlan Inclusion(ulong index, ulong size)
    {
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index is not below the tree size {size}.");
        }
        return Build(index, 0, size).SkipFirst();
    }

    /// <summary>The nodes of a consistency proof from a tree of <paramref name="size1"/> leaves to one of <paramref name="size2"/>.</summary>
    public static ProofPlan Consistency(ulong size1, ulong size2)
    {
        if (size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, $"The first size is above the second size {size2}.");
        }
        if (size1 == size2 || size1 == 0)
        {
            return new ProofPlan([], 0, 0);
        }
        // The proof starts from the largest perfect subtree that ends at size1; when size1 is a
        // power of two that subtree is the old root itself, which the verifier already has.
        var level = BitOperations.TrailingZeroCount(size1);
        var index = (size1 - 1) >> level;
        var plan = Build(index, level, size2);
        return index == 0 ? plan.SkipFirst() : plan;
    }

    /// <summary>
    /// Turns the hashes of <see cref="Nodes"/> (same order) into the proof: the run of hashes that
    /// stands for the ephemeral subtree is folded into one element.
    /// </summary>
    public byte[][] Assemble(IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count != Nodes.Count)
        {
            throw new ArgumentException($"The plan has {Nodes.Count} nodes, got {hashes.Count} hashes.", nameof(hashes));
        }
        var folded = _ephemeralEnd - _ephemeralBegin > 1 ? _ephemeralEnd - _ephemeralBegin - 1 : 0;
        var proof = new byte[hashes.Count - folded][];
        var cursor = 0;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (i == _ephemeralBegin && folded > 0)
            {
                // The run lists the ephemeral subtree's nodes from lower to upper levels, right to left.
                var hash = hashes[i];
                for (i++; i < _ephemeralEnd; i++)
                {
                    hash = MerkleHash.Node(hashes[i], hash);
                }
                i--;
                proof[cursor++] = hash;
            }
            else
            {
                proof[cursor++] = hashes[i];
            }
        }
        return proof;
    }

    /// <summary>Reads the plan's nodes from <paramref name="source"/> and assembles the proof.</summary>
    public async ValueTask<byte[][]> ReadAsync(IMerkleNodeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Nodes.Count == 0)
        {
            return [];
        }
        var hashes = await source.GetNodesAsync(Nodes, cancellationToken).ConfigureAwait(false);
        return Assemble(hashes);
    }

    private static ProofPlan Build(ulong index, int level, ulong size)
    {
        // The fork is where the path from the root to (level, index) leaves the path to leaf
        // `size`; its sibling is the ephemeral node, covering the incomplete right edge.
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ (size >> level)) - 1;
        var fork = new NodeId(level + inner, index >> inner);

        var nodes = new List<NodeId>(1 + inner + RangeDecomposition.Count(fork.End, size) + RangeDecomposition.Count(0, fork.Begin));
        var node = new NodeId(level, index);
        nodes.Add(node);
        for (; node.Level < fork.Level; node = node.Parent)
        {
            nodes.Add(node.Sibling);
        }

        var ephemeralBegin = nodes.Count;
        RangeDecomposition.AppendNodes(fork.End, size, nodes);
        nodes.Reverse(ephemeralBegin, nodes.Count - ephemeralBegin);
        var ephemeralEnd = nodes.Count;

        var leftBegin = nodes.Count;
        RangeDecomposition.AppendNodes(0, fork.Begin, nodes);
        nodes.Reverse(leftBegin, nodes.Count - leftBegin);

        return ephemeralBegin < ephemeralEnd
            ? new ProofPlan(nodes, ephemeralBegin, ephemeralEnd)
            : new ProofPlan(nodes, 0, 0);
    }

    private ProofPlan SkipFirst()
    {
        var rest = new NodeId[Nodes.Count - 1];
        for (var i = 1; i < Nodes.Count; i++)
        {
            rest[i - 1] = Nodes[i];
        }
        return _ephemeralBegin < _ephemeralEnd
            ? new ProofPlan(rest, _ephemeralBegin - 1, _ephemeralEnd - 1)
            : new ProofPlan(rest, 0, 0);
    }
}
