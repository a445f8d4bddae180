namespace DataCustody.Grains.Statements;

/// <summary><c>handle.issued</c>: the broker issued a provider a pairwise handle for a person. Only the broker can link the handles of one person.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="Provider">The provider the handle is for.</param>
/// <param name="Handle">The handle.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.HandleIssued")]
public sealed record HandleIssued(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string Provider,
    [property: Id(1)] string Handle) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.HandleIssued;
}
