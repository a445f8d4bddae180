using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataCustody.Grains;

/// <summary>
/// Storage failures as a grain's callers get them: a <see cref="StorageFailedException"/>, which Orleans can copy,
/// where the driver's own exception (an NpgsqlException, say) has no codec and would reach them as a
/// CodecNotFoundException that names neither the failure nor its cause. The original is logged where it
/// happened, with its stack, since the caller gets only its message.
/// </summary>
public static partial class StorageFailures
{
    /// <summary>Logs <paramref name="error"/>, met during <paramref name="call"/>, and returns what to throw to the caller instead.</summary>
    public static StorageFailedException Reported(ILogger logger, DbException error, string call)
    {
        ArgumentNullException.ThrowIfNull(error);
        // A storage that is down fails every call until it is back: a warning each, not an error.
        LogStorageFailed(logger, error.IsTransient ? LogLevel.Warning : LogLevel.Error, error, call, error.IsTransient);
        return new StorageFailedException(error.Message, error.IsTransient);
    }

    /// <summary>
    /// Runs what <paramref name="grain"/> reads from storage while it activates. That runs outside any grain
    /// call, where no call filter sees its failure: Orleans hands the activation's exception to the callers
    /// waiting for it as it is.
    /// </summary>
    public static async Task ActivateAsync(this IGrainBase grain, Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
        }
        catch (DbException e)
        {
            var logger = grain.GrainContext.ActivationServices.GetRequiredService<ILoggerFactory>().CreateLogger(grain.GetType());
            throw Reported(logger, e, $"activating {grain.GrainContext.GrainId}");
        }
    }

    [LoggerMessage(Message = "{Call} failed in storage (transient: {IsTransient}); the caller was told of it without the stack")]
    private static partial void LogStorageFailed(ILogger logger, LogLevel level, Exception error, string call, bool isTransient);
}
