using System.Diagnostics;
using DataCustody.Benchmarks.Ledger;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Transfer checks at a fixed rate, open loop: each check has a scheduled start, and its latency
/// counts from then, not from when it was actually sent, so a stall charges every check scheduled
/// during it (no coordinated omission). A warm-up at the full rate comes first and is not measured.
/// The checks themselves (grain calls, HTTP requests) are the caller's. Single use.
/// </summary>
internal sealed class TransferCheckSchedule(int checksPerSecond, TimeSpan warmUp)
{
    // How long to wait for the last answers: a check slower than this is broken, not slow.
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly LatencyHistogram _latency = new();
    private readonly LatencyHistogram _startLag = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // One for the scheduler while it runs, plus one per check in flight.
    private long _outstanding = 1;
    private long _completed;
    private long _allowed;
    private long _unexpected;
    private long _failed;
    private long _lastCompletion;
    private string? _firstFailure;

    /// <summary>What one check answered, and whether that is the answer the load expected.</summary>
    public readonly record struct Answer(bool Allowed, bool Expected);

    /// <summary>What the checks achieved over the measured part.</summary>
    public sealed record Result(
        long Completed, long Allowed, long Unexpected, long Failed, string? FirstFailure, TimeSpan Elapsed, LatencyHistogram Latency, LatencyHistogram StartLag)
    {
        public double AchievedPerSecond => Completed / Elapsed.TotalSeconds;
    }

    /// <summary>Runs the warm-up and then <paramref name="duration"/>, check <c>i</c> being <paramref name="check"/>(i); returns once every check answered.</summary>
    public async Task<Result> RunAsync(TimeSpan duration, Func<long, Task<Answer>> check)
    {
        var warmUpChecks = (long)(warmUp.TotalSeconds * checksPerSecond);
        var total = warmUpChecks + (long)(duration.TotalSeconds * checksPerSecond);
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var measuredFrom = start + (long)(warmUpChecks * TicksPerCheck);
        // A thread of its own: the thread pool is the measured code's, and a late scheduler must not be what is measured.
        var scheduler = new Thread(() => Schedule(start, total, warmUpChecks, check)) { IsBackground = true, Name = "transfer-check schedule" };
        scheduler.Start();
        if (await Task.WhenAny(_drained.Task, Task.Delay(duration + warmUp + DrainLimit)) != _drained.Task)
        {
            throw new TimeoutException($"{Interlocked.Read(ref _outstanding)} transfer checks had no answer {DrainLimit.TotalSeconds:0} s after the last was due.");
        }
        var elapsed = Stopwatch.GetElapsedTime(measuredFrom, Interlocked.Read(ref _lastCompletion));
        return new Result(_completed, _allowed, _unexpected, _failed, _firstFailure, elapsed, _latency, _startLag);
    }

    private double TicksPerCheck => Stopwatch.Frequency / (double)checksPerSecond;

    private void Schedule(long start, long total, long warmUpChecks, Func<long, Task<Answer>> check)
    {
        for (var i = 0L; i < total; i++)
        {
            var scheduled = start + (long)(i * TicksPerCheck);
            PreciseWait.Until(scheduled);
            var measured = i >= warmUpChecks;
            if (measured)
            {
                _startLag.Record(scheduled, Stopwatch.GetTimestamp());
            }
            Interlocked.Increment(ref _outstanding);
            // Started on the thread pool, as the gateway's requests are: Orleans keeps its response
            // sources in per-thread pools, and calls started on this thread take new ones that are
            // returned to the pool threads' pools and never taken again, which then grow without end
            // and make every collection copy them (3 MB a collection, 20-30 ms pauses).
            var index = i;
            ThreadPool.UnsafeQueueUserWorkItem(_ => _ = RunOneAsync(check, index, scheduled, measured), null);
        }
        Release();
    }

    private async Task RunOneAsync(Func<long, Task<Answer>> check, long i, long scheduled, bool measured)
    {
        try
        {
            var answer = await check(i).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            if (!measured)
            {
                return;
            }
            _latency.Record(scheduled, end);
            Interlocked.Increment(ref _completed);
            if (answer.Allowed)
            {
                Interlocked.Increment(ref _allowed);
            }
            if (answer.Allowed != answer.Expected)
            {
                Interlocked.Increment(ref _unexpected);
            }
            // Latest completion wins; timestamps only grow, so a compare loop settles quickly.
            var last = Interlocked.Read(ref _lastCompletion);
            while (end > last && Interlocked.CompareExchange(ref _lastCompletion, end, last) != last)
            {
                last = Interlocked.Read(ref _lastCompletion);
            }
        }
        catch (Exception e) when (measured)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstFailure, e.GetBaseException().Message, null);
        }
        catch (Exception)
        {
            // A warm-up failure that lasts shows as failures in the measured part.
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
