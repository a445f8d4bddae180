using DataCustody.Sdk.Log;

namespace DataCustody.Cli;

/// <summary>
/// What <c>custody</c> calls each kind of log misbehaviour and the exit code it ends with, so that every
/// command that follows the log's checkpoints reports it the same way.
/// </summary>
internal static class LogMisbehaviourVerdict
{
    public static string Label(LogMisbehaviour kind) => kind switch
    {
        LogMisbehaviour.BadCheckpoint => "BAD CHECKPOINT",
        LogMisbehaviour.Fork => "FORK",
        _ => "ROLLBACK",
    };

    public static int ExitCode(LogMisbehaviour kind) => kind switch
    {
        LogMisbehaviour.BadCheckpoint => ExitCodes.BadCheckpoint,
        LogMisbehaviour.Fork => ExitCodes.Fork,
        _ => ExitCodes.Rollback,
    };
}
