namespace DataCustody.Gateway.Apis.People;

/// <summary>One entry of a proof bundle.</summary>
/// <param name="Index">The entry's index in the log.</param>
/// <param name="Leaf">The leaf bytes, base64url without padding.</param>
/// <param name="Proof">The RFC 9162 inclusion proof to the bundle's tree size, each hash base64url without padding.</param>
public sealed record ProofBundleEntryResponse(long Index, string Leaf, IReadOnlyList<string> Proof);
