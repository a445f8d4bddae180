using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>
/// The period of a record query: <c>from</c> (inclusive) and <c>until</c> (exclusive), each an
/// RFC 3339 time or a date (its midnight UTC); without them, the whole log.
/// </summary>
/// <param name="From">The first instant of the period.</param>
/// <param name="Until">The first instant after it.</param>
public sealed record Period(DateTimeOffset From, DateTimeOffset Until)
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Reads the query parameters, or a 400 problem naming the one that is wrong.</summary>
    public static bool TryRead(string? from, string? until, out Period period, out ProblemHttpResult? problem)
    {
        period = new Period(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        problem = null;
        if (!TryTime(from, "from", period.From, out var start, ref problem) || !TryTime(until, "until", period.Until, out var end, ref problem))
        {
            return false;
        }
        if (start > end)
        {
            problem = ApiProblems.Invalid("from", "from must not be after until.");
            return false;
        }
        period = new Period(start, end);
        return true;
    }

    private static bool TryTime(string? text, string field, DateTimeOffset absent, out DateTimeOffset time, ref ProblemHttpResult? problem)
    {
        time = absent;
        if (text is null)
        {
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return true;
        }
        problem = ApiProblems.Invalid(field, $"{field} must be a date (2026-04-01) or an RFC 3339 time (2026-04-01T09:00:00+09:00).");
        return false;
    }
}
