using System.Diagnostics;
using System.Globalization;
using DataCustody.Grains.Ledger;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// Concurrent writers, each appending one batch of random leaves after another and waiting for
/// its acknowledgement, for a duration or until a number of entries is acknowledged; a
/// <see cref="CheckpointMonitor"/> watches alongside.
/// </summary>
internal sealed class LedgerLoad(ILedgerGrain ledger, LoadOptions options, TextWriter output)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    private readonly LatencyHistogram _acknowledgement = new();
    private readonly CheckpointMonitor _monitor = new(ledger);
    private long _claimed;
    private long _acknowledged;
    private long _appends;

    /// <summary>What the writers achieved: entries acknowledged, in how long, and the latencies.</summary>
    public sealed record Result(long Entries, long Appends, TimeSpan Elapsed, LatencyHistogram Acknowledgement, LatencyHistogram ToCheckpoint)
    {
        public double EntriesPerSecond => Entries / Elapsed.TotalSeconds;
    }

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        // Activation reads the ledger's state from storage; that is start-up, not load.
        await ledger.GetLatestCheckpoint();

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var deadline = options.EntryTarget is null ? started + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var writers = Task.WhenAll(Enumerable.Range(0, options.Writers).Select(_ => Task.Run(() => WriteAsync(deadline, stopping), CancellationToken.None)));
        var monitoring = _monitor.RunAsync(writers, stopping.Token);

        while (await Task.WhenAny(writers, Task.Delay(ProgressInterval, CancellationToken.None)) != writers)
        {
            if (options.EntryTarget is not null)
            {
                ReportProgress(started);
            }
        }
        await writers;
        var elapsed = Stopwatch.GetElapsedTime(started);
        await monitoring;
        return new Result(Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _appends), elapsed, _acknowledgement, _monitor.ToCheckpoint);
    }

    private async Task WriteAsync(long deadline, CancellationTokenSource stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
            {
                var count = Claim();
                if (count == 0)
                {
                    return;
                }
                var leaves = RandomLeaves.Create(count);
                var sent = Stopwatch.GetTimestamp();
                var append = await ledger.Append(leaves);
                var acknowledged = Stopwatch.GetTimestamp();
                _acknowledgement.Record(sent, acknowledged);
                _monitor.Acknowledged(append, acknowledged);
                Interlocked.Add(ref _acknowledged, append.Count);
                Interlocked.Increment(ref _appends);
            }
        }
        catch
        {
            // One failed append makes the figures meaningless: stop the others too.
            await stopping.CancelAsync();
            throw;
        }
    }

    // How many leaves the next append carries: all it may, up to the entry target.
    private int Claim()
    {
        if (options.EntryTarget is not { } target)
        {
            return options.LeavesPerAppend;
        }
        var first = Interlocked.Add(ref _claimed, options.LeavesPerAppend) - options.LeavesPerAppend;
        return (int)Math.Clamp(target - first, 0, options.LeavesPerAppend);
    }

    private void ReportProgress(long started)
    {
        var entries = Interlocked.Read(ref _acknowledged);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {seconds:0} s: {entries} entries ({entries / seconds:0}/s), working set {ProcessMemory.WorkingSetMebibytes()} MiB"));
    }
}
