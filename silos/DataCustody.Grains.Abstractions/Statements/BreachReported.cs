namespace DataCustody.Grains.Statements;

/// <summary><c>breach.reported</c>: a provider reports a breach of data it holds.</summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider: the breached holder.</param>
/// <param name="BreachId">The breach's id, chosen by the provider (<c>br_</c> and 8-64 letters or digits), unique across the broker.</param>
/// <param name="Details">What is known about the breach.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachReported")]
public sealed record BreachReported(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string BreachId,
    [property: Id(1)] BreachDetails Details) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachReported;
}
