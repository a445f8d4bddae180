using DataCustody.Grains.Ledger;
using Microsoft.AspNetCore.Diagnostics;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Writes a 503 problem with <c>Retry-After</c> for a request whose entries the ledger could not
/// take now (too many waiting, or waiting too long): nothing of that append was written, and the
/// same request sent again later is carried out, or answered as the repeat it is.
/// </summary>
internal sealed class LedgerUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // As the statement rate limit's period: the ledger drains its queue in transactions of many
    // entries, so a second frees room, and the SDK's retries honour the header.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not LedgerUnavailableException unavailable || httpContext.Response.HasStarted)
        {
            return false;
        }
        return await ApiProblems.WriteUnavailableAsync(problems, httpContext, exception, RetryAfter, unavailable.Message);
    }
}
