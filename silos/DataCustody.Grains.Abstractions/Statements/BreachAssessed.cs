namespace DataCustody.Grains.Statements;

/// <summary><c>breach.assessed</c>: the broker's signed report of a breach's impact, computed from the log.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="Holder">The breached provider.</param>
/// <param name="Assessment">The impact, urgency and reporting duties.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachAssessed")]
public sealed record BreachAssessed(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string BreachId,
    [property: Id(1)] string Holder,
    [property: Id(2)] BreachAssessment Assessment) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachAssessed;
}
