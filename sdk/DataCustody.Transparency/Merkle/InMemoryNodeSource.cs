namespace DataCustody.Transparency.Merkle;

/// <summary>
/// A tree held entirely in memory, every complete node by level: the reference node source for
/// tests and benchmarks, and a model of what a durable store keeps. Holds up to
/// <see cref="MaxLeaves"/> leaves, as one array per level.
/// </summary>
public sealed class InMemoryNodeSource : IMerkleNodeSource
{
    /// <summary>The most leaves the tree holds: an array per level stays under 2 GiB.</summary>
    public const ulong MaxLeaves = 1UL << 26;

    private readonly List<byte[]> _levels = [];
    private readonly List<ulong> _counts = [];
    private readonly CompactRange _range = new();
    private readonly NodeVisitor _store;

    /// <summary>Creates an empty tree.</summary>
    public InMemoryNodeSource() => _store = Store;

    /// <summary>The number of leaves in the tree.</summary>
    public ulong Size => _range.Size;

    /// <summary>The root hash of the tree.</summary>
    public byte[] Root() => _range.Root();

    /// <summary>Appends a leaf hash and keeps every node it completes.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (Size == MaxLeaves)
        {
            throw new InvalidOperationException($"An in-memory tree holds at most {MaxLeaves} leaves.");
        }
        _range.Append(leafHash, _store);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<byte[]>> GetNodesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var hashes = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            hashes[i] = Get(nodes[i]);
        }
        return ValueTask.FromResult<IReadOnlyList<byte[]>>(hashes);
    }

    /// <summary>The hash of one complete node.</summary>
    public byte[] Get(NodeId node)
    {
        if (node.Level < 0 || node.Level >= _levels.Count || node.Index >= _counts[node.Level])
        {
            throw new KeyNotFoundException($"Node {node} is not complete in a tree of size {Size}.");
        }
        return _levels[node.Level].AsSpan((int)node.Index * MerkleHash.Size, MerkleHash.Size).ToArray();
    }

    private void Store(NodeId node, ReadOnlySpan<byte> hash)
    {
        if (node.Level == _levels.Count)
        {
            _levels.Add(new byte[64 * MerkleHash.Size]);
            _counts.Add(0);
        }
        var level = _levels[node.Level];
        var offset = (int)node.Index * MerkleHash.Size;
        if (offset + MerkleHash.Size > level.Length)
        {
            Array.Resize(ref level, level.Length * 2);
            _levels[node.Level] = level;
        }
        hash.CopyTo(level.AsSpan(offset));
        _counts[node.Level] = node.Index + 1;
    }
}
