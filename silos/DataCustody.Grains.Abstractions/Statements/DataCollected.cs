using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary><c>data.collected</c>: a provider collected data of the person it knows by a handle.</summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Handle">The provider's handle for the person.</param>
/// <param name="Categories">fideslang data category keys (1-64), deprecated ones mapped to their successors.</param>
/// <param name="Purposes">fideslang data use keys (1-32).</param>
/// <param name="LegalBasis">The ground of the collection.</param>
/// <param name="ConsentId">The broker's consent relied on; only with <see cref="LegalBasis.Consent"/>.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.DataCollected")]
public sealed record DataCollected(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string Handle,
    [property: Id(1)] EquatableArray<string> Categories,
    [property: Id(2)] EquatableArray<string> Purposes,
    [property: Id(3)] LegalBasis LegalBasis,
    [property: Id(4)] string? ConsentId) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.DataCollected;
}
