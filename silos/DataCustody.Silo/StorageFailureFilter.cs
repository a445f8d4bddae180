using System.Data.Common;
using DataCustody.Grains;
using Microsoft.Extensions.Logging;

namespace DataCustody.Silo;

/// <summary>
/// Turns a storage exception escaping any grain method into a <see cref="StorageFailedException"/>, which Orleans
/// can copy to the caller: the database drivers' own exceptions (an NpgsqlException, say) have no codec, and would
/// reach the caller as a CodecNotFoundException that names neither the failure nor its cause. The original is
/// logged here with its stack, since the caller gets only its message. Other exceptions pass unchanged, the
/// ledger's own among them.
/// </summary>
/// <remarks>
/// Call filters see grain methods only: a failure while a grain activates (its <c>OnActivateAsync</c> reading
/// storage) reaches callers as the driver's exception still.
/// </remarks>
internal sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DbException e)
        {
            // A storage that is down fails every call until it is back: a warning each, not an error.
            LogStorageFailed(e.IsTransient ? LogLevel.Warning : LogLevel.Error, e, context.InterfaceName, context.MethodName, context.TargetId, e.IsTransient);
            throw new StorageFailedException(e.Message, e.IsTransient);
        }
    }

    [LoggerMessage(Message = "{Interface}.{Method} on {Grain} failed in storage (transient: {IsTransient}); the caller was told of it without the stack")]
    private partial void LogStorageFailed(LogLevel level, Exception error, string @interface, string method, GrainId grain, bool isTransient);
}
