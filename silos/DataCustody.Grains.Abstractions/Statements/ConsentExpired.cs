namespace DataCustody.Grains.Statements;

/// <summary><c>consent.expired</c>: a consent reached its expiry.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ConsentId">The expired consent.</param>
/// <param name="Holder">The provider the consent was given to.</param>
/// <param name="Handle">The holder's handle for the person.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentExpired")]
public sealed record ConsentExpired(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ConsentId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ConsentExpired;
}
