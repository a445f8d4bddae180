using System.Diagnostics;
using System.Globalization;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// What this process (silo and load generator together) spent between two points: CPU, time
/// paused for garbage collection, and memory allocated. On two cores these say whether a missed
/// target was the CPU running out or the collector stopping everything. The machine's load
/// average says whether other processes took the cores too.
/// </summary>
internal readonly record struct ProcessUsage(long Timestamp, TimeSpan Cpu, TimeSpan GcPause, long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessUsage(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    /// <summary>Bytes allocated since <paramref name="start"/>.</summary>
    public long AllocatedSince(ProcessUsage start) => Allocated - start.Allocated;

    public string DescribeSince(ProcessUsage start)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp);
        return string.Create(CultureInfo.InvariantCulture,
            $"process used {(Cpu - start.Cpu) / wall:0.00} of {Environment.ProcessorCount} cores, paused for GC {100 * ((GcPause - start.GcPause) / wall):0.0}% of the time in {Gen0 - start.Gen0} collections ({Gen1 - start.Gen1} of generation 1 or 2, {Gen2 - start.Gen2} of 2), allocated {AllocatedSince(start) / 1048576.0:0} MiB; machine load average {LoadAverage()}");
    }

    // Linux only; elsewhere the line says so instead.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
