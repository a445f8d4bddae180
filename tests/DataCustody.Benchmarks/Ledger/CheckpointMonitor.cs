using System.Collections.Concurrent;
using System.Diagnostics;
using DataCustody.Grains.Ledger;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// Measures how long an acknowledged entry waits for a signed checkpoint that covers it, as a
/// client waiting for its receipt would see it: polls the latest checkpoint every few
/// milliseconds and, per entry, takes the time from its acknowledgement to the first checkpoint
/// observed whose size exceeds its index.
/// </summary>
internal sealed class CheckpointMonitor(ILedgerGrain ledger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    // Checkpoints are due at least every 500 ms; far longer means the ledger stopped signing.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();

    // Touched by the polling loop only. Sizes grow along the list.
    private readonly List<(long Size, long ObservedAt)> _observed = [];
    private readonly List<Acknowledgement> _waiting = [];

    /// <summary>Per entry: acknowledgement to first observed covering checkpoint.</summary>
    public LatencyHistogram ToCheckpoint { get; } = new();

    /// <summary>Notes that <paramref name="append"/> was acknowledged at <paramref name="acknowledgedAt"/> (<see cref="Stopwatch"/> ticks).</summary>
    public void Acknowledged(LedgerAppend append, long acknowledgedAt) =>
        _acknowledged.Enqueue(new Acknowledgement(append.FirstIndex, append.Count, acknowledgedAt));

    /// <summary>Polls until <paramref name="writers"/> completed and every entry they had acknowledged was seen in a checkpoint.</summary>
    public async Task RunAsync(Task writers, CancellationToken cancellationToken)
    {
        long? writersDoneAt = null;
        while (true)
        {
            var checkpoint = await ledger.GetLatestCheckpoint();
            var observedAt = Stopwatch.GetTimestamp();
            // Entries already waiting can only be covered by a checkpoint they have not seen yet.
            if (checkpoint is not null && (_observed.Count == 0 || checkpoint.Size > _observed[^1].Size))
            {
                _observed.Add((checkpoint.Size, observedAt));
                ResolveWaiting();
            }

            // Checked before draining: writers that are done have queued all their acknowledgements.
            if (writers.IsCompleted)
            {
                writersDoneAt ??= observedAt;
            }
            while (_acknowledged.TryDequeue(out var acknowledgement))
            {
                if (Resolve(acknowledgement) is { } rest)
                {
                    _waiting.Add(rest);
                }
            }

            if (writersDoneAt is { } doneAt)
            {
                if (_waiting.Count == 0)
                {
                    return;
                }
                if (Stopwatch.GetElapsedTime(doneAt) > DrainLimit)
                {
                    throw new TimeoutException(
                        $"{_waiting.Sum(a => (long)a.Count)} acknowledged entries appeared in no checkpoint within {DrainLimit.TotalSeconds:0} s after the last append.");
                }
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private void ResolveWaiting()
    {
        var kept = 0;
        for (var i = 0; i < _waiting.Count; i++)
        {
            if (Resolve(_waiting[i]) is { } rest)
            {
                _waiting[kept++] = rest;
            }
        }
        _waiting.RemoveRange(kept, _waiting.Count - kept);
    }

    // Records the entries that some observed checkpoint covers; returns those still uncovered.
    private Acknowledgement? Resolve(Acknowledgement acknowledgement)
    {
        while (FirstObservedAbove(acknowledgement.FirstIndex) is { } seen)
        {
            var (size, observedAt) = _observed[seen];
            var covered = (int)Math.Min(acknowledgement.Count, size - acknowledgement.FirstIndex);
            // The ledger may sign a checkpoint before the writer's continuation runs: that entry
            // waited no time at all, which the histogram records as zero.
            ToCheckpoint.Record(acknowledgement.AcknowledgedAt, observedAt, covered);
            if (covered == acknowledgement.Count)
            {
                return null;
            }
            acknowledgement = acknowledgement with { FirstIndex = size, Count = acknowledgement.Count - covered };
        }
        return acknowledgement;
    }

    private int? FirstObservedAbove(long index)
    {
        var (low, high) = (0, _observed.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_observed[middle].Size > index)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low < _observed.Count ? low : null;
    }

    private readonly record struct Acknowledgement(long FirstIndex, int Count, long AcknowledgedAt);
}
