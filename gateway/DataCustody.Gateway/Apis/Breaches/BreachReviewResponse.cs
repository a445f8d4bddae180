using DataCustody.Storage.Custody;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>A review asked of a provider that passed data to a breached holder.</summary>
/// <param name="ObligationId">The review obligation's id.</param>
/// <param name="BreachId">The breach.</param>
/// <param name="BreachedHolder">The holder it passed data to, which was breached.</param>
/// <param name="People">How many people's data it had passed there.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="EntryIndex">The log entry that asked for it.</param>
public sealed record BreachReviewResponse(string ObligationId, string BreachId, string BreachedHolder, long People, DateTimeOffset DueAt, long EntryIndex)
{
    /// <summary>The response for a stored review obligation.</summary>
    public static BreachReviewResponse From(BreachReviewRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.ObligationId, row.BreachId, row.BreachedHolder, row.People, DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs), row.DueIndex);
    }
}
