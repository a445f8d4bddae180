namespace DataCustody.Sdk.Models;

/// <summary>A provider's statement-signing key as the broker registered it.</summary>
/// <param name="Kid">The key id.</param>
/// <param name="PublicKey">The Ed25519 public key, unpadded base64url.</param>
/// <param name="ValidFrom">From when statements signed with it count.</param>
/// <param name="ValidUntil">Until when they count, if the key expires.</param>
/// <param name="RetiredAt">From when they no longer count, if the key was retired.</param>
/// <param name="AddedIndex">The log entry of its <c>provider.key.added</c>.</param>
public sealed record RegisteredKey(string Kid, string PublicKey, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RetiredAt, long AddedIndex);
