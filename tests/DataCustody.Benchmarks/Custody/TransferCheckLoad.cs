using System.Diagnostics;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Custody;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// An open-loop load of "is this transfer allowed" questions at a fixed rate. Each check has a
/// scheduled start time, and its latency counts from then, not from when it was actually sent:
/// a stall delays every check scheduled during it, and they all count as slow (no coordinated
/// omission). The checks go round a list of random pairs of a provider and a person with a
/// consent there, half of them allowed and half denied. Single use.
/// </summary>
internal sealed class TransferCheckLoad
{
    public const int ChecksPerSecond = 10_000;

    /// <summary>Run at the full rate before measuring, so that nothing is measured cold.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private const int DistinctChecks = 100_000;

    // How long to wait for the last answers: a check slower than this is broken, not slow.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly Check[] _checks;
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

    private TransferCheckLoad(Check[] checks) => _checks = checks;

    /// <summary>What the checks achieved over the measured part.</summary>
    public sealed record Result(
        long Completed, long Allowed, long Unexpected, long Failed, string? FirstFailure, TimeSpan Elapsed, LatencyHistogram Latency, LatencyHistogram StartLag)
    {
        public double AchievedPerSecond => Completed / Elapsed.TotalSeconds;
    }

    public static TransferCheckLoad Create(IGrainFactory grains, Population population, int seed)
    {
        var random = new Random(seed);
        var senders = population.Providers.ToDictionary(p => p.Id, p => grains.GetGrain<IProviderGrain>(p.Id), StringComparer.Ordinal);
        var checks = new Check[DistinctChecks];
        for (var i = 0; i < checks.Length; i++)
        {
            var person = population.People[random.Next(population.People.Count)];
            var sender = person.Holders[random.Next(person.Holders.Count)];
            var others = person.Holders.Where(h => h != sender).ToList();
            var named = others[random.Next(others.Count)].Id;
            var (recipient, categories, allowed) = random.Next(4) switch
            {
                0 => (named, new[] { ConsentTemplate.Name }, true),
                1 => (named, new[] { ConsentTemplate.Name, ConsentTemplate.Email }, true),
                // A provider the consent does not name.
                2 => (population.Providers.Where(p => !person.Holders.Contains(p)).ElementAt(random.Next(population.Providers.Count - person.Holders.Count)).Id, new[] { ConsentTemplate.Name }, false),
                // Data the consent does not cover.
                _ => (named, new[] { ConsentTemplate.Financial }, false),
            };
            var question = new TransferQuestion(sender.Id, person.Handles[sender.Id], recipient, categories, [ConsentTemplate.Purpose], sender.TermsSha256);
            checks[i] = new Check(senders[sender.Id], question, allowed);
        }
        return new TransferCheckLoad(checks);
    }

    /// <summary>Runs the warm-up and then <paramref name="duration"/> at the fixed rate; returns once every check answered.</summary>
    public async Task<Result> RunAsync(TimeSpan duration)
    {
        var warmUpChecks = (long)(WarmUp.TotalSeconds * ChecksPerSecond);
        var total = warmUpChecks + (long)(duration.TotalSeconds * ChecksPerSecond);
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var measuredFrom = start + (long)(warmUpChecks * TicksPerCheck);
        // A thread of its own: the thread pool is the silo's, and a late scheduler must not be what is measured.
        var scheduler = new Thread(() => Schedule(start, total, warmUpChecks)) { IsBackground = true, Name = "transfer-check schedule" };
        scheduler.Start();
        if (await Task.WhenAny(_drained.Task, Task.Delay(duration + WarmUp + DrainLimit)) != _drained.Task)
        {
            throw new TimeoutException($"{Interlocked.Read(ref _outstanding)} transfer checks had no answer {DrainLimit.TotalSeconds:0} s after the last was due.");
        }
        var elapsed = Stopwatch.GetElapsedTime(measuredFrom, Interlocked.Read(ref _lastCompletion));
        return new Result(_completed, _allowed, _unexpected, _failed, _firstFailure, elapsed, _latency, _startLag);
    }

    private static double TicksPerCheck => Stopwatch.Frequency / (double)ChecksPerSecond;

    private void Schedule(long start, long total, long warmUpChecks)
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
            Issue(_checks[i % _checks.Length], scheduled, measured);
        }
        Release();
    }

    private void Issue(Check check, long scheduled, bool measured)
    {
        Interlocked.Increment(ref _outstanding);
        Task<TransferDecision> call;
        try
        {
            call = check.Grain.CheckTransfer(check.Question);
        }
        catch (Exception e)
        {
            call = Task.FromException<TransferDecision>(e);
        }
        call.ContinueWith(
            (answer, state) => Complete(answer, (Pending)state!),
            new Pending(check.Allowed, scheduled, measured),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Complete(Task<TransferDecision> answer, Pending pending)
    {
        var end = Stopwatch.GetTimestamp();
        if (pending.Measured)
        {
            if (answer.IsCompletedSuccessfully)
            {
                _latency.Record(pending.Scheduled, end);
                Interlocked.Increment(ref _completed);
                if (answer.Result.Allowed)
                {
                    Interlocked.Increment(ref _allowed);
                }
                if (answer.Result.Allowed != pending.ExpectAllowed)
                {
                    Interlocked.Increment(ref _unexpected);
                }
            }
            else
            {
                Interlocked.Increment(ref _failed);
                Interlocked.CompareExchange(ref _firstFailure, answer.Exception?.GetBaseException().Message, null);
            }
            // Latest completion wins; timestamps only grow, so a compare loop settles quickly.
            var last = Interlocked.Read(ref _lastCompletion);
            while (end > last && Interlocked.CompareExchange(ref _lastCompletion, end, last) != last)
            {
                last = Interlocked.Read(ref _lastCompletion);
            }
        }
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _drained.TrySetResult();
        }
    }

    private sealed record Check(IProviderGrain Grain, TransferQuestion Question, bool Allowed);

    private sealed record Pending(bool ExpectAllowed, long Scheduled, bool Measured);
}
