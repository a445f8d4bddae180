namespace DataCustody.Sdk.Proofs;

/// <summary>One entry of a <see cref="ProofBundle"/>.</summary>
/// <param name="Index">The entry's index in the log.</param>
/// <param name="Leaf">The leaf bytes, base64url without padding.</param>
/// <param name="Proof">The RFC 9162 inclusion proof hashes, each base64url without padding.</param>
public sealed record ProofBundleEntry(long Index, string Leaf, IReadOnlyList<string> Proof);
