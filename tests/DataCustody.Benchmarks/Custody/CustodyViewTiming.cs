using System.Diagnostics;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Custody;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Times <c>GetCustodyView</c> of one person: warm (the grain active, its model in memory), and
/// cold (the first call after the silo deactivated the grain, so it loads the person from the
/// projections first).
/// </summary>
internal static class CustodyViewTiming
{
    public const int WarmUpCalls = 10;
    // Enough for p99 to be a percentile: over 50 calls it was the slowest one, decided by whether a collection fell among them.
    public const int TimedCalls = 1000;
    public const int ColdCalls = 5;

    /// <summary>Warm latencies, and the size of the view, so it is plain what was built.</summary>
    public sealed record Warm(LatencyHistogram Latency, int Holders, int Holdings, int ChainHops);

    /// <summary>Cold latencies, and the activations before and after each forced collection, which show it happened.</summary>
    public sealed record Cold(LatencyHistogram Latency, TimeSpan First, int ActivationsBefore, int ActivationsAfter);

    public static async Task<Warm> WarmAsync(ICitizenGrain person)
    {
        var view = await person.GetCustodyView();
        for (var i = 1; i < WarmUpCalls; i++)
        {
            await person.GetCustodyView();
        }
        var latency = new LatencyHistogram();
        for (var i = 0; i < TimedCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            view = await person.GetCustodyView();
            latency.Record(started, Stopwatch.GetTimestamp());
        }
        var holdings = view.Holders.SelectMany(h => h.Holdings).ToList();
        return new Warm(latency, view.Holders.Count, holdings.Count, holdings.Sum(h => h.Chain.Count));
    }

    /// <summary>
    /// Deactivates every idle activation (the person's among them) and times the first call after,
    /// <see cref="ColdCalls"/> times. It drops the whole silo's activations, so it runs last.
    /// </summary>
    public static async Task<Cold> ColdAsync(IGrainFactory grains, ICitizenGrain person)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var latency = new LatencyHistogram();
        TimeSpan? first = null;
        int before = 0, after = 0;
        for (var i = 0; i < ColdCalls; i++)
        {
            var active = await management.GetTotalActivationCount();
            await management.ForceActivationCollection(TimeSpan.Zero);
            var left = await management.GetTotalActivationCount();
            if (i == 0)
            {
                (before, after) = (active, left);
            }
            var started = Stopwatch.GetTimestamp();
            await person.GetCustodyView();
            var ended = Stopwatch.GetTimestamp();
            latency.Record(started, ended);
            first ??= Stopwatch.GetElapsedTime(started, ended);
        }
        return new Cold(latency, first!.Value, before, after);
    }
}
