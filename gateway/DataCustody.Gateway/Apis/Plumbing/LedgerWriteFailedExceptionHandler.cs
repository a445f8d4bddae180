using DataCustody.Grains.Ledger;
using Microsoft.AspNetCore.Diagnostics;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Writes a 500 problem for a request whose entries the ledger's storage failed to write: a server fault, whose
/// detail says whether anything of the request may have been written. The storage's own message stays in the
/// silo's log, with the original exception: it is about the database, not the request.
/// </summary>
internal sealed class LedgerWriteFailedExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not LedgerWriteFailedException failed || httpContext.Response.HasStarted)
        {
            return false;
        }
        return await ApiProblems.WriteAsync(problems, httpContext, exception, StatusCodes.Status500InternalServerError, "Internal server error", ApiProblems.Body,
            failed.MayHaveBeenWritten
                ? "The ledger's storage failed while writing the request's entries, and whether they were written cannot be told."
                : "The ledger's storage failed to write the request's entries; nothing of the request was written.");
    }
}
