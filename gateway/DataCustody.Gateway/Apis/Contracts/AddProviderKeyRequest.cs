namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A new Ed25519 statement key.</summary>
/// <param name="Kid">The key id statements name in their JWS header, <c>^[A-Za-z0-9._:-]{1,64}$</c>, never reused.</param>
/// <param name="PublicKey">The 32 raw public key bytes, unpadded base64url (43 characters).</param>
/// <param name="ValidFrom">Statements issued from then on may be signed with it.</param>
/// <param name="ValidUntil">Optional: statements issued from then on may not; later than <paramref name="ValidFrom"/>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddProviderKeyRequest(string? Kid, string? PublicKey, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);
