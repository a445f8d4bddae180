namespace DataCustody.Grains.Statements;

/// <summary><c>obligation.due</c>: a holder must delete data of a person by a deadline, because a consent its copy depends on was revoked.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ObligationId">The obligation's id; the holder's <see cref="DataDeleted"/> names it.</param>
/// <param name="Holder">The provider that must delete.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Categories">fideslang data category keys (1-64) to delete.</param>
/// <param name="ConsentId">The consent whose revocation caused the obligation.</param>
/// <param name="DueAt">The deadline; later than the statement.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ObligationDue")]
public sealed record ObligationDue(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ObligationId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] EquatableArray<string> Categories,
    [property: Id(4)] string ConsentId,
    [property: Id(5)] DateTimeOffset DueAt) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ObligationDue;
}
