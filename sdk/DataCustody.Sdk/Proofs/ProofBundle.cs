using System.Text.Json;

namespace DataCustody.Sdk.Proofs;

/// <summary>
/// A person's proof bundle as <c>GET /api/v1/me/proofs</c> serves it: the latest signed checkpoint,
/// the log's verifier key, and the person's entries, each with its leaf and an inclusion proof to the
/// checkpoint. Keep the JSON; <see cref="ProofBundleVerifier"/> checks it offline at any time.
/// </summary>
/// <param name="Checkpoint">The signed checkpoint note.</param>
/// <param name="VerifierKey">The verifier key the broker says signed it; trust only a key you got elsewhere.</param>
/// <param name="TreeSize">The checkpoint's tree size, which every proof is to.</param>
/// <param name="Entries">The person's entries.</param>
/// <param name="Pending">Entry indices newer than the checkpoint, without proofs yet.</param>
public sealed record ProofBundle(
    string Checkpoint,
    string VerifierKey,
    long TreeSize,
    IReadOnlyList<ProofBundleEntry> Entries,
    IReadOnlyList<long> Pending)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a bundle from its JSON.</summary>
    /// <exception cref="ProofBundleException">The JSON is not a proof bundle.</exception>
    public static ProofBundle Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var bundle = JsonSerializer.Deserialize<ProofBundle>(json, Json);
            if (bundle is null || bundle.Checkpoint is null || bundle.VerifierKey is null || bundle.Entries is null || bundle.Entries.Any(e => e is null || e.Leaf is null || e.Proof is null))
            {
                throw new ProofBundleException("The JSON lacks a member of a proof bundle.");
            }
            return bundle with { Pending = bundle.Pending ?? [] };
        }
        catch (JsonException e)
        {
            throw new ProofBundleException("The JSON is not a proof bundle: " + e.Message, e);
        }
    }
}
