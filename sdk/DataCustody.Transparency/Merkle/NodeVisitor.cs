namespace DataCustody.Transparency.Merkle;

/// <summary>
/// Receives each node whose subtree became complete, so that a store can keep it for proofs.
/// The span is valid only during the call.
/// </summary>
public delegate void NodeVisitor(NodeId node, ReadOnlySpan<byte> hash);
