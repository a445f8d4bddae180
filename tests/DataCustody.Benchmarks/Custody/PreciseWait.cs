using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Waits on the calling thread until a <see cref="Stopwatch"/> timestamp, to within about a
/// tenth of a millisecond. .NET sleeps in whole milliseconds, and a load generator that starts
/// requests up to a millisecond late would charge that to a target of one millisecond; spinning
/// instead would take one of the two cores from the silo it measures.
/// </summary>
internal static class PreciseWait
{
    // Below this the thread yields instead of sleeping: the kernel's timer slack would overshoot.
    private static readonly long YieldBelow = Stopwatch.Frequency / 20_000;

    public static void Until(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            if (remaining < YieldBelow || OperatingSystem.IsWindows())
            {
                Thread.Yield();
            }
            else
            {
                // usleep rounds up by the timer slack (50 µs by default on Linux).
                _ = Sleep((uint)(remaining * 1_000_000 / Stopwatch.Frequency));
            }
        }
    }

    [DllImport("libc", EntryPoint = "usleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Sleep(uint microseconds);
}
