namespace DataCustody.Grains.Statements;

/// <summary><c>provider.registered</c>: a provider joined the broker.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="Provider">The new provider's id.</param>
/// <param name="Name">Its legal name (1-200 characters).</param>
/// <param name="Jurisdiction">The ISO 3166-1 alpha-2 code of the country it is established in.</param>
/// <param name="Sector">Its business sector (1-100 characters).</param>
/// <param name="Contact">Where people and regulators reach its privacy contact (1-200 characters).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProviderRegistered")]
public sealed record ProviderRegistered(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string Provider,
    [property: Id(1)] string Name,
    [property: Id(2)] string Jurisdiction,
    [property: Id(3)] string Sector,
    [property: Id(4)] string Contact) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ProviderRegistered;
}
