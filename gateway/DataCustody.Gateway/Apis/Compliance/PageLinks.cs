using Microsoft.AspNetCore.WebUtilities;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>The RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> header of a paged list, for clients that read no body (CSV).</summary>
internal static class PageLinks
{
    /// <summary>Adds the link to the next page, the same request with <c>after</c> set to <paramref name="next"/>, if there is one.</summary>
    public static void AddNext(HttpContext http, string? next)
    {
        if (next is null)
        {
            return;
        }
        var request = http.Request;
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "after", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("after", (string?)next));
        http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(request.PathBase + request.Path, query)}>; rel=\"next\"";
    }
}
