using System.Globalization;
using DataCustody.Sdk.Log;

namespace DataCustody.Cli.Monitoring;

/// <summary>
/// The monitor's loop: checks the log's checkpoint, stores each new verified one, retries network
/// failures with backoff, and stops at the first sign of misbehaviour with its exit code.
/// </summary>
internal sealed class LogMonitor(CheckpointFollower follower, StateFile state, TimeSpan interval, bool once, TextWriter output, TextWriter error)
{
    /// <summary>With --once, how many attempts before giving up on an unreachable log.</summary>
    public const int OnceAttempts = 5;

    /// <summary>The longest interval between checks: Task.Delay waits at most uint.MaxValue - 1 milliseconds.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly RetryBackoff _backoff = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
    private readonly ConsoleStatus _status = ConsoleStatus.On(error);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var wait = await CheckAsync(cancellationToken);
                if (wait is null)
                {
                    return ExitCodes.Success;
                }
                await _status.WhileAsync(
                    $"Verified size {follower.Trusted?.Size}; next check at {DateTime.Now + wait.Value:HH:mm:ss}",
                    () => Task.Delay(wait.Value, cancellationToken));
            }
        }
        catch (LogMisbehaviourException e)
        {
            error.WriteLine($"{LogMisbehaviourVerdict.Label(e.Kind)}: {e.Message}");
            if (e.Evidence.Length > 0)
            {
                error.WriteLine("The log served this checkpoint:");
                error.Write(e.Evidence);
            }
            error.WriteLine($"The last verified checkpoint stays in {state.Path}.");
            return LogMisbehaviourVerdict.ExitCode(e.Kind);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Stopped.");
            return ExitCodes.Success;
        }
        catch (GaveUpException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
    }

    // Returns how long to wait before the next check, or null when done.
    private async Task<TimeSpan?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var advance = await _status.WhileAsync("Checking the log's checkpoint", () => follower.AdvanceAsync(cancellationToken));
            _backoff.Reset();
            if (advance.IsNew)
            {
                Store(advance.Current);
                output.WriteLine(Describe(advance));
            }
            return once ? null : interval;
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            if (once && _backoff.Failures + 1 >= OnceAttempts)
            {
                throw new GaveUpException($"The log stayed unreachable after {OnceAttempts} attempts: {e.Message}");
            }
            var delay = _backoff.Fail();
            // Reported, never mistaken for misbehaviour: a log that cannot be reached has claimed nothing.
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow:u} log unreachable (attempt {_backoff.Failures}): {e.Message}; retrying in {delay.TotalSeconds:0.##} s"));
            return delay;
        }
    }

    private void Store(VerifiedCheckpoint checkpoint)
    {
        try
        {
            state.Write(checkpoint.Note);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Going on unrecorded would leave the next run to trust whatever checkpoint it sees first.
            throw new GaveUpException($"Cannot write the state file {state.Path}: {e.Message}");
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or LogResponseException
        // HttpClient reports its own timeout as a cancellation the caller did not ask for.
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(CheckpointAdvance advance)
    {
        var current = advance.Current;
        var how = advance.Previous is { } previous
            ? $"consistent with size {previous.Size}"
            : "first verified checkpoint";
        return string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:u} size {current.Size} root {current.RootBase64} {how}");
    }

    private sealed class GaveUpException(string message) : Exception(message);
}
