namespace DataCustody.Grains.Statements;

/// <summary><c>obligation.overdue</c>: a deletion deadline passed without a deletion statement.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ObligationId">The overdue obligation.</param>
/// <param name="Holder">The provider that has not deleted.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="DueAt">The missed deadline; not later than the statement.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ObligationOverdue")]
public sealed record ObligationOverdue(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ObligationId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] DateTimeOffset DueAt) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ObligationOverdue;
}
