namespace DataCustody.Grains.Statements;

/// <summary><c>data.deleted</c>: a provider deleted data of a person, on its own or to answer an obligation.</summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Handle">The provider's handle for the person.</param>
/// <param name="Categories">fideslang data category keys (1-64) deleted.</param>
/// <param name="ObligationId">The obligation this deletion answers, if any.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.DataDeleted")]
public sealed record DataDeleted(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string Handle,
    [property: Id(1)] EquatableArray<string> Categories,
    [property: Id(2)] string? ObligationId) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.DataDeleted;
}
