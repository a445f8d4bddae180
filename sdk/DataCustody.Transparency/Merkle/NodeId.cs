namespace DataCustody.Transparency.Merkle;

/// <summary>
/// A node of a Merkle tree: the root of the perfect subtree at <paramref name="Level"/> (0 for
/// leaves) that covers the leaves <c>[Index * 2^Level, (Index + 1) * 2^Level)</c>.
/// </summary>
public readonly record struct NodeId(int Level, ulong Index)
{
    /// <summary>The first leaf index the node covers.</summary>
    public ulong Begin => Index << Level;

    /// <summary>One past the last leaf index the node covers.</summary>
    public ulong End => (Index + 1) << Level;

    /// <summary>The node one level up that covers this one.</summary>
    public NodeId Parent => new(Level + 1, Index >> 1);

    /// <summary>The other child of this node's parent.</summary>
    public NodeId Sibling => new(Level, Index ^ 1);

    /// <inheritdoc />
    public override string ToString() => $"({Level}, {Index})";
}
