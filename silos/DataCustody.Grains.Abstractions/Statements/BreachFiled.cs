namespace DataCustody.Grains.Statements;

/// <summary><c>breach.filed</c>: a regulator filed a breach at a holder, made by the broker on the regulator's behalf.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="BreachId">The breach's id.</param>
/// <param name="Holder">The breached provider.</param>
/// <param name="Details">What is known about the breach.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachFiled")]
public sealed record BreachFiled(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string BreachId,
    [property: Id(1)] string Holder,
    [property: Id(2)] BreachDetails Details) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachFiled;
}
