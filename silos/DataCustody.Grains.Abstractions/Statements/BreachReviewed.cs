namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>breach.reviewed</c>: a provider that passed data to a breached holder answers the review the broker asked
/// of it (<see cref="BreachReviewDue"/>): what it found, and what it did.
/// </summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider: the upstream provider the review was asked of.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="ObligationId">The review obligation this answers.</param>
/// <param name="Findings">What the review found: what was passed to the breached holder, under which terms (1-2000 characters).</param>
/// <param name="Measures">What the provider did, such as no longer passing data to the holder or telling its own customers (1-2000 characters).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachReviewed")]
public sealed record BreachReviewed(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string BreachId,
    [property: Id(1)] string ObligationId,
    [property: Id(2)] string Findings,
    [property: Id(3)] string Measures) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachReviewed;
}
