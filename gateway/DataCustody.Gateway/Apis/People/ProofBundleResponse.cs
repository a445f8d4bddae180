namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// Everything needed to check offline that the person's entries are in the log: the latest signed
/// checkpoint, the log's verifier key, and each entry's leaf with its inclusion proof to that checkpoint.
/// </summary>
/// <param name="Checkpoint">The signed note of the checkpoint (C2SP tlog-checkpoint in a signed note).</param>
/// <param name="VerifierKey">The log's verifier key (<c>name+keyid+base64</c>); check it against one you trust.</param>
/// <param name="TreeSize">The checkpoint's tree size, which every proof is to.</param>
/// <param name="Entries">The person's entries, in index order.</param>
/// <param name="Pending">Entries the person's records cite that are newer than the checkpoint; ask again shortly.</param>
public sealed record ProofBundleResponse(
    string Checkpoint,
    string VerifierKey,
    long TreeSize,
    IReadOnlyList<ProofBundleEntryResponse> Entries,
    IReadOnlyList<long> Pending);
