using DataCustody.Storage.Custody;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>A review asked of a provider that passed data to a breached holder, and whether it answered.</summary>
/// <param name="ObligationId">The review obligation's id.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="BreachedHolder">The holder it passed data to, which was breached.</param>
/// <param name="People">How many people's data it had passed there.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="EntryIndex">The log entry that asked for it.</param>
/// <param name="Status"><c>due</c>, <c>overdue</c> (the deadline passed unanswered) or <c>reviewed</c>.</param>
/// <param name="ReviewedAt">When the broker logged the provider's <c>breach.reviewed</c>, if it answered.</param>
/// <param name="ReviewedIndex">The log entry of its <c>breach.reviewed</c>, if it answered.</param>
public sealed record BreachReviewResponse(
    string ObligationId, string BreachId, string BreachedHolder, long People, DateTimeOffset DueAt, long EntryIndex,
    string Status, DateTimeOffset? ReviewedAt, long? ReviewedIndex)
{
    /// <summary>The response for a stored review obligation, overdue or not as of <paramref name="now"/>.</summary>
    public static BreachReviewResponse From(BreachReviewRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs);
        // Overdue is judged when asked: nothing is logged when a review's deadline passes.
        var status = row.ReviewedIndex is not null ? "reviewed" : dueAt < now ? "overdue" : "due";
        var reviewedAt = row.ReviewedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new(row.ObligationId, row.BreachId, row.BreachedHolder, row.People, dueAt, row.DueIndex, status, reviewedAt, row.ReviewedIndex);
    }
}
