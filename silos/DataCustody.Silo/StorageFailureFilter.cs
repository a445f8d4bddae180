using System.Data.Common;
using DataCustody.Grains;
using Microsoft.Extensions.Logging;

namespace DataCustody.Silo;

/// <summary>
/// Turns a storage exception escaping any grain method into a <see cref="StorageFailedException"/>, which Orleans
/// can copy to the caller (see <see cref="StorageFailures"/>). Other exceptions pass unchanged, the ledger's own
/// among them. Call filters see grain methods only: the grains that read storage while activating report its
/// failures themselves, through <see cref="StorageFailures.ActivateAsync"/>.
/// </summary>
internal sealed class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DbException e)
        {
            throw StorageFailures.Reported(logger, e, $"{context.InterfaceName}.{context.MethodName} on {context.TargetId}");
        }
    }
}
