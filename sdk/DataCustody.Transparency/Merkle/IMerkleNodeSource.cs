namespace DataCustody.Transparency.Merkle;

/// <summary>
/// Where proof generation reads the hashes of complete nodes: a database, a tile store or memory.
/// </summary>
public interface IMerkleNodeSource
{
    /// <summary>
    /// Returns the hashes of <paramref name="nodes"/>, in the same order. Every node is complete
    /// (its whole subtree is in the tree), so its hash never changes.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> GetNodesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default);
}
