using DataCustody.Storage.Custody;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>One breach in a list.</summary>
/// <param name="BreachId">The breach's id.</param>
/// <param name="Holder">The breached provider.</param>
/// <param name="FiledBy"><c>holder</c> or <c>regulator</c>.</param>
/// <param name="Status">The stage reached.</param>
/// <param name="FiledAt">When it was logged.</param>
/// <param name="Assessed">Whether the broker has logged an assessment.</param>
public sealed record BreachSummaryResponse(string BreachId, string Holder, string FiledBy, string Status, DateTimeOffset FiledAt, bool Assessed)
{
    /// <summary>The response for a stored breach.</summary>
    public static BreachSummaryResponse From(BreachRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.BreachId, row.Holder, row.FiledBy, row.Status, DateTimeOffset.FromUnixTimeMilliseconds(row.FiledAtMs), row.AssessedIndex is not null);
    }
}
