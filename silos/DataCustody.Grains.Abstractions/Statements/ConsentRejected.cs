namespace DataCustody.Grains.Statements;

/// <summary><c>consent.rejected</c>: the person declined a consent request.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="RequestId">The declined request.</param>
/// <param name="Holder">The provider that asked.</param>
/// <param name="Handle">The holder's handle for the person.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentRejected")]
public sealed record ConsentRejected(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ConsentRejected;
}
