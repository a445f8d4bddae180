namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>breach.review.due</c>: a provider that passed data to a breached holder must review what it passed
/// and under which terms, by a deadline.
/// </summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="ObligationId">The review obligation's id.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="Holder">The upstream provider that must review.</param>
/// <param name="BreachedHolder">The provider it passed data to, which was breached.</param>
/// <param name="People">How many people's data it had passed to the breached holder (0-1,000,000,000).</param>
/// <param name="DueAt">The deadline; later than the statement.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachReviewDue")]
public sealed record BreachReviewDue(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] string ObligationId,
    [property: Id(1)] string BreachId,
    [property: Id(2)] string Holder,
    [property: Id(3)] string BreachedHolder,
    [property: Id(4)] int People,
    [property: Id(5)] DateTimeOffset DueAt) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.BreachReviewDue;
}
