namespace DataCustody.Storage.Ledger;

/// <summary>One log entry as stored: its index, RFC 6962 leaf hash and the leaf bytes.</summary>
public sealed record LedgerEntryRow(long Index, byte[] LeafHash, byte[] Leaf);

/// <summary>The hash of one complete interior node of the Merkle tree (level 1 and up).</summary>
public sealed record LedgerNodeRow(int Level, long Index, byte[] Hash);

/// <summary>A signed checkpoint as stored: the tree size and root it signs, and the signed note.</summary>
public sealed record StoredCheckpoint(long Size, byte[] RootHash, string Note, long SignedAtMs);
