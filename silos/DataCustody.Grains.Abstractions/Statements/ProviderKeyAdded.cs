namespace DataCustody.Grains.Statements;

/// <summary><c>provider.key.added</c>: a provider registered an Ed25519 key to sign its statements with.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Kid">The key id its JWS headers name (<c>^[A-Za-z0-9._:-]{1,64}$</c>), unique per provider.</param>
/// <param name="PublicKey">The 32-byte Ed25519 public key, unpadded base64url.</param>
/// <param name="ValidFrom">When statements signed with the key start to count.</param>
/// <param name="ValidUntil">When they stop counting, if known in advance; later than <paramref name="ValidFrom"/>.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProviderKeyAdded")]
public sealed record ProviderKeyAdded(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string Provider,
    [property: Id(1)] string Kid,
    [property: Id(2)] string PublicKey,
    [property: Id(3)] DateTimeOffset ValidFrom,
    [property: Id(4)] DateTimeOffset? ValidUntil) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ProviderKeyAdded;
}
