using System.Diagnostics;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// CPU time of the gateway process (HTTP, signature checks, grains and SQLite all live there),
/// so a missed target can be put down to the gateway running out of cores or not.
/// </summary>
internal readonly record struct GatewayCpu(long Timestamp, TimeSpan Cpu)
{
    public static GatewayCpu Of(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return new GatewayCpu(Stopwatch.GetTimestamp(), process.TotalProcessorTime);
    }

    /// <summary>Cores the gateway kept busy on average since <paramref name="start"/>.</summary>
    public double CoresSince(GatewayCpu start) => (Cpu - start.Cpu) / Stopwatch.GetElapsedTime(start.Timestamp, Timestamp);
}
