namespace DataCustody.Grains.Statements;

/// <summary><c>consent.requested</c>: a holder asked the person behind a handle for a consent.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="RequestId">The request's id.</param>
/// <param name="Holder">The provider asking.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Terms">What the consent would allow.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentRequested")]
public sealed record ConsentRequested(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] ConsentTerms Terms) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ConsentRequested;
}
