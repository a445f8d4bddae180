using DataCustody.Sdk.Keys;

namespace DataCustody.Sdk.Models;

/// <summary>A statement-signing key to register: the body of <c>POST /api/v1/providers/{id}/keys</c>.</summary>
/// <param name="Kid">The key id statements name in their <c>kid</c> header.</param>
/// <param name="PublicKey">The 32 raw Ed25519 public key bytes in unpadded base64url.</param>
/// <param name="ValidFrom">From when statements signed with the key count.</param>
/// <param name="ValidUntil">Until when they count, if the key expires.</param>
public sealed record ProviderKeyRegistration(string Kid, string PublicKey, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil = null)
{
    /// <summary>The registration of <paramref name="key"/>'s public half under its <see cref="ProviderKey.KeyId"/>.</summary>
    public static ProviderKeyRegistration For(ProviderKey key, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ProviderKeyRegistration(key.KeyId, key.PublicKeyBase64Url, validFrom, validUntil);
    }
}
