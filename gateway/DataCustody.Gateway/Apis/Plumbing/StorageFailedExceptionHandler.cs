using DataCustody.Grains;
using Microsoft.AspNetCore.Diagnostics;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Writes the problem for a request whose grain's storage failed: a 503 with <c>Retry-After</c> when the storage
/// said the failure may pass (it is down or busy), which the SDK's retries honour, and a 500 otherwise. Neither
/// carries the storage's message, which is about the database and may quote its SQL; the silo's log keeps it,
/// with the original exception.
/// </summary>
internal sealed class StorageFailedExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // Long enough for a lost connection to be replaced or a failover to finish, short enough that a caller
    // retrying does not wait much longer than the outage.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageFailedException failed || httpContext.Response.HasStarted)
        {
            return false;
        }
        if (!failed.IsTransient)
        {
            return await ApiProblems.WriteAsync(problems, httpContext, exception, StatusCodes.Status500InternalServerError, "Internal server error", ApiProblems.Body,
                "The broker's storage failed to carry out the request.");
        }
        return await ApiProblems.WriteUnavailableAsync(problems, httpContext, exception, RetryAfter, "The broker's storage is unavailable for now; retry the request.");
    }
}
