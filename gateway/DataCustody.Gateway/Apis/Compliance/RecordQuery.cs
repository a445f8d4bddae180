namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>The query parameters of a provider's APPI records, as sent.</summary>
/// <param name="From">The period's first instant: a date or an RFC 3339 time.</param>
/// <param name="Until">The first instant after the period.</param>
/// <param name="Limit">Records per page, 1-1000 (default 100).</param>
/// <param name="After">The <c>next</c> cursor of the page before.</param>
/// <param name="Format"><c>json</c> (default) or <c>csv</c>.</param>
public sealed record RecordQuery(string? From, string? Until, string? Limit, string? After, string? Format);
