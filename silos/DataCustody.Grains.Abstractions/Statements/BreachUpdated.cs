namespace DataCustody.Grains.Statements;

/// <summary><c>breach.updated</c>: the breached provider updates a breach it reported or a regulator filed against it.</summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider: the breached holder.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="Changes">The status reached and what is known now.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachUpdated")]
public sealed record BreachUpdated(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string BreachId,
    [property: Id(1)] BreachChanges Changes) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachUpdated;
}
