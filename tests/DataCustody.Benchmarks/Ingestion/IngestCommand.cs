using System.Diagnostics;
using System.Globalization;
using DataCustody.Benchmarks.Custody;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Testing;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// <c>ingest [--seconds S] [--people N]</c>: the real gateway (Release build, its own process,
/// SQLite in a temporary folder), set up through the HTTP API with the SDK and signed-in people,
/// then two targets, measured one after the other: transfer checks over HTTP at a fixed 2,000 a
/// second (p99 under 5 ms), and statements submitted through the SDK's batching client, verified
/// by the gateway and recorded durably (at least 15,000 a second, and at least 40% of the raw
/// Ed25519 verification rate, measured in the same run before and after the load, the faster of
/// the two). Exit code 0 when both are met, 1 when not, 2 on bad usage.
/// </summary>
internal static class IngestCommand
{
    private const double StatementsPerSecondTarget = 15_000;
    private const double ShareOfRawVerificationTarget = 0.40;
    private const double TransferCheckP99TargetMilliseconds = 5;

    // Statements signed ahead per measured second: above the target, so running out of them can
    // only mean the target was beaten.
    private const int PreSignedPerSecond = 20_000;

    private static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(3);

    // Baselines further apart than this say the run's figures are worth repeating.
    private const double MaxBaselineDrift = 0.10;

    public static Task<int> RunAsync(IReadOnlyList<string> args) =>
        LoadCommand.RunAsync(args, IngestOptions.Parse, IngestOptions.Usage, async (options, output, cancellationToken) => await RunAsync(options, output, cancellationToken) ? 0 : 1);

    private static async Task<bool> RunAsync(IngestOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var usernames = TestAccounts.Usernames(options.People - TestAccounts.Demo.Count);
        await using var gateway = await GatewayProcess.StartAsync(TestAccounts.Settings(usernames));
        output.WriteLine(Invariant(
            $"ingest load against {Path.GetRelativePath(Environment.CurrentDirectory, GatewayProcess.Assembly)} (pid {gateway.ProcessId}, sqlite in {gateway.DataFolder}): 4 providers, {options.People} people, {options.Duration.TotalSeconds:0} s per load, {Environment.ProcessorCount} cores"));

        var batchLatency = new LatencyHistogram();
        var requests = new StatementRequestTiming.Counter();
        var population = await IngestSetup.RunAsync(gateway, usernames, batchLatency, requests, output, cancellationToken);
        try
        {
            return await MeasureAsync(gateway, population, batchLatency, requests, options, output, cancellationToken);
        }
        finally
        {
            foreach (var provider in population.Providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    private static async Task<bool> MeasureAsync(
        GatewayProcess gateway, IngestPopulation population, LatencyHistogram batchLatency, StatementRequestTiming.Counter requests,
        IngestOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        // Transfer checks first, on a quiet broker, as in the custody tool.
        using var checkLoad = await HttpTransferCheckLoad.CreateAsync(gateway.BaseAddress, population, seed: 1);
        var (usage, gatewayCpu) = (ProcessUsage.Now(), GatewayCpu.Of(gateway.ProcessId));
        var checks = await checkLoad.RunAsync(options.Duration);
        var checksGatewayCores = GatewayCpu.Of(gateway.ProcessId).CoresSince(gatewayCpu);
        var checksUsage = ProcessUsage.Now().DescribeSince(usage);
        output.WriteLine(Invariant(
            $"transfer check over http: {checks.AchievedPerSecond:0}/s, p50 {checks.Latency.PercentileMilliseconds(0.5):0.00} ms, p99 {checks.Latency.PercentileMilliseconds(0.99):0.00} ms, max {checks.Latency.PercentileMilliseconds(1):0.00} ms"));
        output.WriteLine(Invariant(
            $"  {checks.Completed} checks in {checks.Elapsed.TotalSeconds:0.0} s after {HttpTransferCheckLoad.WarmUp.TotalSeconds:0} s of warm-up, open loop at {HttpTransferCheckLoad.ChecksPerSecond}/s; unexpected answers {checks.Unexpected}, failed {checks.Failed}{(checks.FirstFailure is null ? "" : " (" + checks.FirstFailure + ")")}; sent late by the generator p99 {checks.StartLag.PercentileMilliseconds(0.99):0.00} ms"));
        output.WriteLine(Invariant($"  gateway process used {checksGatewayCores:0.00} cores; load tool: {checksUsage} (warm-up included)"));
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        var work = IngestMix.Create(population, (int)(PreSignedPerSecond * options.Duration.TotalSeconds), seed: 2);
        var signSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // While nothing else runs: the rate the signature checks alone would allow on these cores.
        var baseline = VerificationBaseline.Measure(work, BaselineDuration);
        output.WriteLine(Invariant(
            $"raw Ed25519 verification: {baseline.VerificationsPerSecond:0}/s on {Environment.ProcessorCount} cores (NSec, {baseline.AverageSigningInputBytes}-byte signing inputs of this run's statements, {BaselineDuration.TotalSeconds:0} s)"));
        cancellationToken.ThrowIfCancellationRequested();

        (usage, gatewayCpu) = (ProcessUsage.Now(), GatewayCpu.Of(gateway.ProcessId));
        StatementRequestTiming.Measuring = true;
        var load = await IngestLoad.RunAsync(work, options.Duration, cancellationToken);
        StatementRequestTiming.Measuring = false;
        var ingestGatewayCores = GatewayCpu.Of(gateway.ProcessId).CoresSince(gatewayCpu);
        var ingestUsage = ProcessUsage.Now().DescribeSince(usage);

        // Again after the load: on a shared host the cores' speed changes within a run, and a ratio to
        // a baseline taken in a slow moment would flatter the load. It is judged against the faster one.
        var baselineAfter = VerificationBaseline.Measure(work, BaselineDuration);
        var raw = Math.Max(baseline.VerificationsPerSecond, baselineAfter.VerificationsPerSecond);
        var drift = Math.Abs(baselineAfter.VerificationsPerSecond - baseline.VerificationsPerSecond) / raw;
        output.WriteLine(Invariant(
            $"raw Ed25519 verification after the load: {baselineAfter.VerificationsPerSecond:0}/s{(drift > MaxBaselineDrift ? $"; {100 * drift:0}% apart from before: the machine's speed changed during the run" : "")}"));
        var tally = load.Tally;
        var ratio = load.RecordedPerSecond / raw;
        output.WriteLine(Invariant(
            $"statements over http (sdk batching, verified by the gateway, sqlite): {load.RecordedPerSecond:0}/s recorded, {100 * ratio:0.0}% of the raw verification rate (the faster of before and after); batch p50 {batchLatency.PercentileMilliseconds(0.5):0.0} ms, p99 {batchLatency.PercentileMilliseconds(0.99):0.0} ms"));
        output.WriteLine(Invariant(
            $"  {tally.Describe()}; {requests.Value} requests (about {tally.Total / (double)Math.Max(1, requests.Value):0} statements each) from {IngestLoad.CallersPerProvider} callers per provider in {load.Elapsed.TotalSeconds:0.0} s{(load.RanOut ? " (all pre-signed statements used)" : "")}; signing them beforehand took {signSeconds:0.0} s"));
        output.WriteLine(Invariant($"  gateway process used {ingestGatewayCores:0.00} cores; load tool: {ingestUsage}"));

        var checksMet = checks.Latency.PercentileMilliseconds(0.99) < TransferCheckP99TargetMilliseconds
            && checks.AchievedPerSecond >= 0.99 * HttpTransferCheckLoad.ChecksPerSecond
            && checks.Failed == 0 && checks.Unexpected == 0;
        var rateMet = load.RecordedPerSecond >= StatementsPerSecondTarget && tally.AllRecordedClean;
        var ratioMet = ratio >= ShareOfRawVerificationTarget && tally.AllRecordedClean;
        output.WriteLine(Invariant($"target transfer check over http p99 < {TransferCheckP99TargetMilliseconds} ms at {HttpTransferCheckLoad.ChecksPerSecond}/s: {Verdict(checksMet)}"));
        output.WriteLine(Invariant($"target statements over http >= {StatementsPerSecondTarget}/s on {Environment.ProcessorCount} cores, all recorded: {Verdict(rateMet)}"));
        output.WriteLine(Invariant($"target statements >= {100 * ShareOfRawVerificationTarget:0}% of raw Ed25519 verification: {Verdict(ratioMet)}"));
        return checksMet && rateMet && ratioMet;
    }

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
