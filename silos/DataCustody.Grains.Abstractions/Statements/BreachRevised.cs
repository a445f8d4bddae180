namespace DataCustody.Grains.Statements;

/// <summary><c>breach.revised</c>: a regulator updated a breach, made by the broker on the regulator's behalf.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="Holder">The breached provider.</param>
/// <param name="Changes">The status reached and what is known now.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachRevised")]
public sealed record BreachRevised(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string BreachId,
    [property: Id(1)] string Holder,
    [property: Id(2)] BreachChanges Changes) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachRevised;
}
