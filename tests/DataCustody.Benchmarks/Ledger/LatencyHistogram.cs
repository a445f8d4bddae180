using System.Diagnostics;
using System.Numerics;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// Latencies in microseconds, counted HdrHistogram-style: exact below 2,048 µs, above that to
/// within 1/1,024 of the value. Its size is fixed (about 450 KB), so ten million samples do not
/// swell the process whose memory the load tool reports. Safe to record into from many threads.
/// </summary>
internal sealed class LatencyHistogram
{
    // Values below 2^ExactBits are their own bucket; each higher power of two gets HalfRange buckets.
    private const int ExactBits = 11;
    private const int HalfRange = 1 << (ExactBits - 1);
    private const int Exact = 1 << ExactBits;

    private readonly long[] _counts = new long[Exact + ((63 - ExactBits + 1) * HalfRange)];
    private long _total;

    /// <summary>The number of samples recorded.</summary>
    public long Count => Interlocked.Read(ref _total);

    /// <summary>Records the time from <paramref name="startTimestamp"/> to <paramref name="endTimestamp"/> (<see cref="Stopwatch"/> ticks), <paramref name="weight"/> times.</summary>
    public void Record(long startTimestamp, long endTimestamp, long weight = 1)
    {
        var microseconds = (long)Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMicroseconds;
        Interlocked.Add(ref _counts[BucketOf(Math.Max(0, microseconds))], weight);
        Interlocked.Add(ref _total, weight);
    }

    /// <summary>The latency that <paramref name="fraction"/> of the samples do not exceed, in milliseconds; 0 without samples.</summary>
    public double PercentileMilliseconds(double fraction)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(fraction * total));
        var seen = 0L;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank)
            {
                return HighestValueIn(bucket) / 1000.0;
            }
        }
        throw new UnreachableException("The bucket counts add up to the total.");
    }

    private static int BucketOf(long value)
    {
        if (value < Exact)
        {
            return (int)value;
        }
        // Shift the value so that its top bit lands on bit ExactBits - 1; the shift says which power of two.
        var shift = BitOperations.Log2((ulong)value) - (ExactBits - 1);
        return Exact + ((shift - 1) * HalfRange) + (int)((value >> shift) - HalfRange);
    }

    private static long HighestValueIn(int bucket)
    {
        if (bucket < Exact)
        {
            return bucket;
        }
        var shift = ((bucket - Exact) / HalfRange) + 1;
        var top = ((bucket - Exact) % HalfRange) + HalfRange;
        return ((top + 1L) << shift) - 1;
    }
}
