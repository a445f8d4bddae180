namespace DataCustody.Grains.Statements;

/// <summary>A statement a provider signs with one of its registered keys.</summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider, which must own the signing key.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProviderStatement")]
public abstract record ProviderStatement(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string Provider) : Statement(Id, IssuedAt);
