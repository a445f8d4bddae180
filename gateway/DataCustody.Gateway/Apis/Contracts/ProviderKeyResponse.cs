using DataCustody.Transparency.Codecs;

namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A provider's statement key.</summary>
/// <param name="Kid">The key id.</param>
/// <param name="PublicKey">The raw Ed25519 public key, unpadded base64url.</param>
/// <param name="ValidFrom">Valid for statements issued from then on.</param>
/// <param name="ValidUntil">Not valid for statements issued from then on, if set.</param>
/// <param name="RetiredAt">Retired: not valid for statements issued from then on, if set.</param>
/// <param name="AddedIndex">The log entry that added the key.</param>
public sealed record ProviderKeyResponse(string Kid, string PublicKey, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RetiredAt, long AddedIndex)
{
    internal static ProviderKeyResponse From(ProviderKey key) =>
        new(key.Kid, StrictBase64.EncodeUrl(key.PublicKey), key.ValidFrom, key.ValidUntil, key.RetiredAt, key.AddedIndex);
}
