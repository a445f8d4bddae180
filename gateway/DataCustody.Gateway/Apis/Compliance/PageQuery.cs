using System.Globalization;
using DataCustody.Grains.Compliance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>The paging parameters of a list: <c>limit</c> (1-1000, default 100) and the <c>after</c> cursor of the page before.</summary>
/// <param name="Limit">The most rows to return.</param>
/// <param name="After">Where the page starts; null for the first page.</param>
public sealed record PageQuery(int Limit, PageCursor? After)
{
    /// <summary>Reads the query parameters, or a 400 problem naming the one that is wrong.</summary>
    public static bool TryRead(string? limit, string? after, out PageQuery query, out ProblemHttpResult? problem)
    {
        query = new PageQuery(ComplianceLimits.DefaultPage, null);
        problem = null;
        var rows = ComplianceLimits.DefaultPage;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > ComplianceLimits.MaxPage))
        {
            problem = ApiProblems.Invalid("limit", $"limit must be a whole number from 1 to {ComplianceLimits.MaxPage}.");
            return false;
        }
        PageCursor? cursor = null;
        if (after is not null && !PageCursor.TryParse(after, out cursor))
        {
            problem = ApiProblems.Invalid("after", "after must be the next cursor of an earlier page, unchanged.");
            return false;
        }
        query = new PageQuery(rows, cursor);
        return true;
    }
}
