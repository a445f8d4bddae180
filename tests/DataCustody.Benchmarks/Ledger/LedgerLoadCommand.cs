using System.Globalization;
using DataCustody.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// <c>ledger [--postgres] [--seconds S] [--writers W] [--leaves-per-append L] [--entries N]</c>:
/// the durable insert rate of the database alone, then the ledger grain of a real in-process
/// silo under concurrent appends on a fresh database of the same kind, and how the two compare.
/// The last line printed is the result, in a fixed format for scripts.
/// </summary>
internal static class LedgerLoadCommand
{
    private static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(10);

    public static Task<int> RunAsync(IReadOnlyList<string> args) =>
        LoadCommand.RunAsync(args, LoadOptions.Parse, LoadOptions.Usage, async (options, output, cancellationToken) =>
        {
            await RunAsync(options, output, cancellationToken);
            return 0;
        });

    private static async Task RunAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var storage = await BenchmarkStorage.StartAsync(options.Provider, cancellationToken);
        var extent = options.EntryTarget is { } target ? Invariant($"until {target} entries") : Invariant($"for {options.Duration.TotalSeconds:0} s");
        output.WriteLine(Invariant($"ledger load on {storage.Name}: writers {options.Writers}, leaves per append {options.LeavesPerAppend}, leaf {RandomLeaves.LeafBytes} bytes, {extent}"));

        var baselineDatabase = await storage.CreateMigratedDatabaseAsync("raw_baseline", cancellationToken);
        var raw = await RawInsertBaseline.RunAsync(baselineDatabase, BaselineDuration, cancellationToken);
        output.WriteLine(Invariant($"raw insert: {raw.Entries} entries with their interior nodes in transactions of {RawInsertBaseline.RowsPerTransaction}, {raw.InTransactions.TotalSeconds:0.0} s in transactions"));

        using var silo = await InProcessSilo.StartAsync(await storage.CreateSiloSettingsAsync(cancellationToken), cancellationToken);
        LedgerLoad.Result load;
        long workingSet;
        long? retained = null;
        try
        {
            var ledger = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ILedgerGrain>(LedgerKey.Id);
            load = await new LedgerLoad(ledger, options, output).RunAsync(cancellationToken);
            workingSet = ProcessMemory.WorkingSetMebibytes();
            if (options.EntryTarget is not null)
            {
                // Measured while the silo still runs: what it holds after that many entries.
                retained = ProcessMemory.WorkingSetAfterFullCollectionMebibytes();
            }
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }

        output.WriteLine(Invariant($"grain: {load.Entries} entries in {load.Appends} appends, {load.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(Invariant($"latency: ack p50 {load.Acknowledgement.PercentileMilliseconds(0.5):0.0} ms, p99 {load.Acknowledgement.PercentileMilliseconds(0.99):0.0} ms; ack to checkpoint p50 {load.ToCheckpoint.PercentileMilliseconds(0.5):0.0} ms, p99 {load.ToCheckpoint.PercentileMilliseconds(0.99):0.0} ms"));
        output.WriteLine(Invariant($"working set: {workingSet} MiB at the end, peak {ProcessMemory.PeakWorkingSetMebibytes()} MiB"));
        if (retained is not null)
        {
            output.WriteLine(Invariant($"working set after a forced full GC: {retained} MiB"));
        }
        output.WriteLine(Invariant(
            $"ledger {storage.Name}: {load.EntriesPerSecond:0} entries/s, p99 ack {load.Acknowledgement.PercentileMilliseconds(0.99):0.0} ms, p99 to checkpoint {load.ToCheckpoint.PercentileMilliseconds(0.99):0.0} ms, raw insert {raw.EntriesPerSecond:0} rows/s, ratio {load.EntriesPerSecond / raw.EntriesPerSecond:0.00}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
