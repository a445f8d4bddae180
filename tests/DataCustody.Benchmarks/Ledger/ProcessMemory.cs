using System.Diagnostics;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>This process's resident memory, silo and load generator together.</summary>
internal static class ProcessMemory
{
    private const long Mebibyte = 1024 * 1024;

    /// <summary>The resident set now.</summary>
    public static long WorkingSetMebibytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / Mebibyte;
    }

    /// <summary>The largest resident set so far.</summary>
    public static long PeakWorkingSetMebibytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / Mebibyte;
    }

    /// <summary>The resident set after a forced full, compacting collection: what the process keeps, not garbage it has yet to collect.</summary>
    public static long WorkingSetAfterFullCollectionMebibytes()
    {
        CollectFully();
        return WorkingSetMebibytes();
    }

    /// <summary>A forced full, compacting collection, finalizers included: what survives it sits in the oldest generation.</summary>
    public static void CollectFully()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
