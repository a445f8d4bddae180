namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>provider.terms</c>: a provider declares model-contract terms, identified by the SHA-256 of their text,
/// with a machine-readable summary. Transfers name the terms they are made under by that hash.
/// </summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Sha256">The SHA-256 of the UTF-8 text of the terms, 64 lower-case hex digits.</param>
/// <param name="Title">The title (1-200 characters).</param>
/// <param name="Text">The full text, if published with the statement; its SHA-256 is <paramref name="Sha256"/>.</param>
/// <param name="Summary">What the terms say about onward transfer, breach notification and deletion.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.TermsDeclared")]
public sealed record TermsDeclared(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string Sha256,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Text,
    [property: Id(3)] TermsSummary Summary) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ProviderTerms;
}
