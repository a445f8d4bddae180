using System.Diagnostics;
using System.Globalization;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Custody;
using DataCustody.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// <c>custody [--seconds S]</c>: a real in-process silo on a fresh SQLite database, a population
/// set up through the grains, then the custody domain's three targets, one line each: transfer
/// checks at a fixed 10,000 a second (p99 under 1 ms), the custody view of a person whose data
/// took 1,000 hops (under 20 ms), and signed statements through the grains into the ledger (at
/// least 20,000 a second). The last lines say which targets were met.
/// </summary>
internal static class CustodyLoadCommand
{
    private const double TransferCheckP99TargetMilliseconds = 1;
    private const double CustodyViewTargetMilliseconds = 20;
    private const double StatementsPerSecondTarget = 20_000;

    // Statements signed ahead per measured second: above the target, so that running out of them
    // can only mean the target was beaten.
    private const int PreSignedPerSecond = 25_000;

    public static Task<int> RunAsync(IReadOnlyList<string> args) =>
        LoadCommand.RunAsync(args, CustodyLoadOptions.Parse, CustodyLoadOptions.Usage, async (options, output, cancellationToken) => await RunAsync(options, output, cancellationToken) ? 0 : 1);

    private static async Task<bool> RunAsync(CustodyLoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var storage = await BenchmarkStorage.StartAsync(StorageProvider.Sqlite, cancellationToken);
        output.WriteLine(Invariant(
            $"custody load on {storage.Name}: {PopulationSetup.Providers} providers, {PopulationSetup.People} people with {PopulationSetup.HoldersPerPerson} consents each, {options.Duration.TotalSeconds:0} s per load, {Environment.ProcessorCount} cores"));
        using var silo = await InProcessSilo.StartAsync(await storage.CreateSiloSettingsAsync(cancellationToken), cancellationToken);
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            using var population = await PopulationSetup.RunAsync(grains, output, cancellationToken);
            return await MeasureAsync(grains, silo.Services.GetRequiredService<TransferChecks>(), population, options, output, cancellationToken);
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> MeasureAsync(IGrainFactory grains, TransferChecks transferChecks, Population population, CustodyLoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var checkLoad = TransferCheckLoad.Create(transferChecks, population, seed: 1);
        // The load's own inputs (questions here, pre-signed statements below) were just made and live
        // through the whole load: collected into the oldest generation now, they are not copied by the
        // first collections the load itself triggers, which would charge their cost to the service.
        ProcessMemory.CollectFully();
        var usage = ProcessUsage.Now();
        var checks = await checkLoad.RunAsync(options.Duration);
        var checksUsage = ProcessUsage.Now().DescribeSince(usage);
        output.WriteLine(Invariant(
            $"transfer check: {checks.AchievedPerSecond:0}/s, p50 {checks.Latency.PercentileMilliseconds(0.5):0.00} ms, p99 {checks.Latency.PercentileMilliseconds(0.99):0.00} ms, max {checks.Latency.PercentileMilliseconds(1):0.00} ms"));
        output.WriteLine(Invariant(
            $"  {checks.Completed} checks in {checks.Elapsed.TotalSeconds:0.0} s after {TransferCheckLoad.WarmUp.TotalSeconds:0} s of warm-up, open loop at {TransferCheckLoad.ChecksPerSecond}/s; allowed {100.0 * checks.Allowed / Math.Max(1, checks.Completed):0.0}%, unexpected answers {checks.Unexpected}, failed {checks.Failed}{(checks.FirstFailure is null ? "" : " (" + checks.FirstFailure + ")")}; sent late by the generator p99 {checks.StartLag.PercentileMilliseconds(0.99):0.00} ms"));
        output.WriteLine("  " + checksUsage + " (warm-up included)");
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        var traveller = await WellTravelledPerson.CreateAsync(grains, population);
        var hopsSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        usage = ProcessUsage.Now();
        var warm = await CustodyViewTiming.WarmAsync(traveller);
        var viewAllocated = ProcessUsage.Now().AllocatedSince(usage) / (CustodyViewTiming.WarmUpCalls + CustodyViewTiming.TimedCalls);
        output.WriteLine(Invariant(
            $"custody view ({WellTravelledPerson.Hops} hops): p50 {warm.Latency.PercentileMilliseconds(0.5):0.00} ms, p99 {warm.Latency.PercentileMilliseconds(0.99):0.00} ms"));
        output.WriteLine(Invariant(
            $"  warm: {CustodyViewTiming.TimedCalls} calls after {CustodyViewTiming.WarmUpCalls}; the view lists {warm.Holders} holders, {warm.Holdings} holdings, {warm.ChainHops} hops along their chains; about {viewAllocated / 1048576.0:0.0} MiB allocated per call; the hops took {hopsSeconds:0.0} s to report one by one"));
        cancellationToken.ThrowIfCancellationRequested();

        started = Stopwatch.GetTimestamp();
        var batches = StatementMix.Create(population, (int)(PreSignedPerSecond * options.Duration.TotalSeconds), PopulationSetup.StatementsPerSubmit, seed: 2);
        var signSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ProcessMemory.CollectFully();
        usage = ProcessUsage.Now();
        var statements = await StatementLoad.RunAsync(grains, batches, options.Duration);
        var statementsUsage = ProcessUsage.Now().DescribeSince(usage);
        var tally = statements.Tally;
        output.WriteLine(Invariant(
            $"statements: {statements.RecordedPerSecond:0}/s through the grains into the ledger (sqlite), {tally.Flagged} flagged, {tally.Refused} refused"));
        output.WriteLine(Invariant(
            $"  {tally.Describe()}; {statements.Batches} batches of up to {PopulationSetup.StatementsPerSubmit} from {StatementLoad.Writers} writers in {statements.Elapsed.TotalSeconds:0.0} s{(statements.RanOut ? " (all pre-signed batches used)" : "")}; the ledger grew by {statements.LedgerGrowth} entries; signing them beforehand took {signSeconds:0.0} s"));
        output.WriteLine("  " + statementsUsage);
        cancellationToken.ThrowIfCancellationRequested();

        var cold = await CustodyViewTiming.ColdAsync(grains, traveller);
        output.WriteLine(Invariant(
            $"custody view ({WellTravelledPerson.Hops} hops), cold: first call {cold.First.TotalMilliseconds:0.00} ms after deactivation, p50 of {CustodyViewTiming.ColdCalls} {cold.Latency.PercentileMilliseconds(0.5):0.00} ms (activations {cold.ActivationsBefore} before the forced collection, {cold.ActivationsAfter} after)"));

        var checksMet = checks.Latency.PercentileMilliseconds(0.99) < TransferCheckP99TargetMilliseconds
            && checks.AchievedPerSecond >= 0.99 * TransferCheckLoad.ChecksPerSecond
            && checks.Failed == 0 && checks.Unexpected == 0;
        var viewMet = warm.Latency.PercentileMilliseconds(0.99) < CustodyViewTargetMilliseconds;
        var statementsMet = statements.RecordedPerSecond >= StatementsPerSecondTarget && tally.AllRecordedClean;
        output.WriteLine(Invariant($"target transfer check p99 < {TransferCheckP99TargetMilliseconds} ms at {TransferCheckLoad.ChecksPerSecond}/s: {Verdict(checksMet)}"));
        output.WriteLine(Invariant($"target custody view ({WellTravelledPerson.Hops} hops, warm) < {CustodyViewTargetMilliseconds} ms: {Verdict(viewMet)}"));
        output.WriteLine(Invariant($"target statements >= {StatementsPerSecondTarget}/s on sqlite, all recorded: {Verdict(statementsMet)}"));
        return checksMet && viewMet && statementsMet;
    }

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
