using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity.Provider;

/// <summary>The <c>Retry-After</c> header of a refusal: by a rate limit, or by a service that is unavailable for now.</summary>
public static class RetryAfter
{
    /// <summary>Tells the caller to wait <paramref name="wait"/>, in whole seconds rounded up so it does not come back too early.</summary>
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
