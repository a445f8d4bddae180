namespace DataCustody.Grains.Statements;

/// <summary><c>provider.key.retired</c>: a provider's key stopped counting, for example because it was compromised.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Kid">The retired key's id.</param>
/// <param name="RetiredAt">From when statements signed with the key no longer count.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProviderKeyRetired")]
public sealed record ProviderKeyRetired(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string Provider,
    [property: Id(1)] string Kid,
    [property: Id(2)] DateTimeOffset RetiredAt) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ProviderKeyRetired;
}
