using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>data.transferred</c>: the sender's half of a hop, the record APPI art. 29 asks a provider to keep of a
/// provision to a third party (recipient, person, data items, consent). The hop is confirmed when the
/// recipient's <see cref="DataReceived"/> names this statement.
/// </summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Handle">The sender's handle for the person.</param>
/// <param name="Recipient">The receiving provider's id; not the sender.</param>
/// <param name="Categories">fideslang data category keys (1-64).</param>
/// <param name="Purposes">fideslang data use keys (1-32): what the recipient may use the data for.</param>
/// <param name="LegalBasis">The ground of the transfer.</param>
/// <param name="ConsentId">The broker's consent relied on; only with <see cref="LegalBasis.Consent"/>.</param>
/// <param name="TermsSha256">The model-contract terms the transfer is made under.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.DataTransferred")]
public sealed record DataTransferred(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string Handle,
    [property: Id(1)] string Recipient,
    [property: Id(2)] EquatableArray<string> Categories,
    [property: Id(3)] EquatableArray<string> Purposes,
    [property: Id(4)] LegalBasis LegalBasis,
    [property: Id(5)] string? ConsentId,
    [property: Id(6)] string TermsSha256) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.DataTransferred;
}
