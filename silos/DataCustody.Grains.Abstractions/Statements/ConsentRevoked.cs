namespace DataCustody.Grains.Statements;

/// <summary><c>consent.revoked</c>: the person revoked a consent; deletion obligations follow for every holder whose copy depends on it.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ConsentId">The revoked consent.</param>
/// <param name="Holder">The provider the consent was given to.</param>
/// <param name="Handle">The holder's handle for the person.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentRevoked")]
public sealed record ConsentRevoked(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ConsentId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ConsentRevoked;
}
