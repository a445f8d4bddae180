namespace DataCustody.Grains.Statements;

/// <summary><c>consent.granted</c>: the person granted a holder a consent, made by the broker on their behalf.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ConsentId">The consent's id.</param>
/// <param name="RequestId">The request it answers, if the holder asked.</param>
/// <param name="Holder">The provider the consent is given to.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Terms">What the consent allows.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentGranted")]
public sealed record ConsentGranted(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ConsentId,
    [property: Id(1)] string? RequestId,
    [property: Id(2)] string Holder,
    [property: Id(3)] string Handle,
    [property: Id(4)] ConsentTerms Terms) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ConsentGranted;
}
