using DataCustody.Transparency.Checkpoints;

namespace DataCustody.Sdk.Proofs;

/// <summary>A proof bundle that verified: the checkpoint the trusted key signed and the entries proven in it.</summary>
/// <param name="Checkpoint">The checkpoint.</param>
/// <param name="Note">The signed note exactly as in the bundle.</param>
/// <param name="Entries">The entries, in the bundle's order.</param>
public sealed record VerifiedProofBundle(Checkpoint Checkpoint, string Note, IReadOnlyList<VerifiedEntry> Entries);
