namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A holder's duty to delete categories of a person's data by a deadline.</summary>
/// <param name="ObligationId">The obligation's id.</param>
/// <param name="Holder">The provider that must delete.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Categories">The data categories to delete.</param>
/// <param name="ConsentId">The revoked consent the copies depended on.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="Status"><c>due</c>, <c>answered</c> or <c>overdue</c>.</param>
/// <param name="DueIndex">The log entry that created the obligation.</param>
/// <param name="AnsweredIndex">The deletion statement that answered it, if any.</param>
/// <param name="OverdueIndex">The entry that marked it overdue, if any.</param>
public sealed record ObligationResponse(
    string ObligationId, string Holder, string Handle, IReadOnlyList<string> Categories, string ConsentId, DateTimeOffset DueAt,
    ObligationStatus Status, long DueIndex, long? AnsweredIndex, long? OverdueIndex)
{
    internal static ObligationResponse From(ObligationView o) =>
        new(o.ObligationId, o.Holder, o.Handle, o.Categories, o.ConsentId, o.DueAt, o.Status, o.DueIndex, o.AnsweredIndex, o.OverdueIndex);
}
