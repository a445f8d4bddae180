namespace DataCustody.Gateway.Apis;

/// <summary>A Merkle proof as JSON: the hashes in order, each in standard base64.</summary>
public sealed record ProofResponse(IReadOnlyList<string> Proof)
{
    /// <summary>Encodes raw proof hashes.</summary>
    public static ProofResponse From(IReadOnlyList<byte[]> proof) => new([.. proof.Select(Convert.ToBase64String)]);
}
