namespace DataCustody.Sdk.Proofs;

/// <summary>An entry whose inclusion in the checkpointed tree verified.</summary>
/// <param name="Index">The entry's index in the log.</param>
/// <param name="Leaf">The leaf bytes (a UTF-8 JSON envelope: type, time, signer, statement JWS).</param>
/// <param name="LeafHash">The RFC 6962 leaf hash.</param>
public sealed record VerifiedEntry(long Index, byte[] Leaf, byte[] LeafHash);
