using System.Diagnostics;
using System.Globalization;
using Dapper;
using DataCustody.Benchmarks.Generation;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Breaches;
using DataCustody.Grains.Statements;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Benchmarks.Breaches;

/// <summary>
/// <c>breach</c>: on a database <c>generate</c> wrote, a breach at the largest holder over the whole
/// history and all categories (the most a breach there can touch). Times the impact summary (target
/// under 1 s at 1,000,000 holdings), the full report with the affected list and the notifications (under
/// 5 s), and the process's peak resident memory (under 1 GiB), each against a baseline measured in the
/// same run: streaming the holder's holdings rows the impact reads, with no work on them.
/// </summary>
internal static class BreachLoadCommand
{
    private const double SummaryTargetSeconds = 1;
    private const double ReportTargetSeconds = 5;
    private const long MemoryTargetBytes = 1L << 30;

    public static Task<int> RunAsync(IReadOnlyList<string> args) =>
        LoadCommand.RunAsync(args, BreachLoadOptions.Parse, BreachLoadOptions.Usage, RunAsync);

    private static async Task<int> RunAsync(BreachLoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var dataFolder = Path.GetFullPath(options.DataFolder);
        if (options.Storage == StorageProvider.Sqlite && !File.Exists(Path.Combine(dataFolder, "custody.db")))
        {
            await Console.Error.WriteLineAsync($"{dataFolder} holds no custody.db: run `generate --data {options.DataFolder} ...` first.");
            return 2;
        }
        using var silo = await InProcessSilo.StartAsync(GeneratedDatabase.Settings(dataFolder, options.PostgresConnection), cancellationToken);
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            var database = silo.Services.GetRequiredService<Database>();
            var census = await GraphCensus.TakeAsync(database, grains, cancellationToken);
            var holder = census.LargestHolder;
            output.WriteLine(Invariant(
                $"breach ({options.Storage}): {census.Holdings:N0} holdings of {census.People:N0} people across {census.Providers} providers; largest holder {holder} ({census.LargestHolderHoldings:N0} holdings of {census.LargestHolderPeople:N0} people)"));

            var details = new BreachDetails(
                "Benchmark: the holder's whole store was exposed.", census.FirstAcquired, census.LastAcquired.AddDays(1), [],
                "Benchmark.", census.LastAcquired.AddDays(1), "Benchmark.", "high", (int)Math.Min(census.LargestHolderHoldings, int.MaxValue),
                "None.", "bench@example.com", false, false, null, null, null, null);
            var breach = grains.GetGrain<IBreachGrain>(CustodyIds.Breach());
            await breach.File(holder, details);

            var baseline = await TimeAsync(options.Runs, () => StreamHoldingsAsync(database, holder, details, cancellationToken));
            var summary = await TimeAsync(options.Runs, () => breach.PreviewImpact());
            var figures = (await breach.PreviewImpact()).Figures;
            output.WriteLine(Invariant(
                $"  impact summary: median {summary.Median * 1000:0} ms, max {summary.Max * 1000:0} ms over {options.Runs} runs ({figures.People:N0} people, {figures.Upstream.Count} upstream, {figures.Downstream.Count} downstream rows); baseline (stream the holder's rows) median {baseline.Median * 1000:0} ms; ratio {summary.Median / baseline.Median:0.0}"));

            // A new breach over the same window each run: all its messages are new, as on a breach's first report. The
            // first run is a warm-up, not counted: a server that has reported before has the report's code compiled.
            var store = silo.Services.GetRequiredService<BreachNotificationStore>();
            var reports = new List<FullReport>();
            for (var run = 0; run <= options.Runs; run++)
            {
                var filed = grains.GetGrain<IBreachGrain>(CustodyIds.Breach());
                await filed.File(holder, details);
                var started = Stopwatch.GetTimestamp();
                var assessed = await filed.Assess();
                var assessment = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var affected = await store.AffectedHandlesAsync(assessed.BreachId, cancellationToken);
                reports.Add(new FullReport(Stopwatch.GetElapsedTime(started).TotalSeconds, assessment, assessed.Assessment!.Assessment.Notified, affected!.Value.Handles.Count));
            }
            var timed = reports.Skip(1).OrderBy(r => r.Seconds).ToList();
            var report = timed[timed.Count / 2];
            output.WriteLine(Invariant(
                $"  full report (logged assessment, {report.Notified:N0} people notified, upstream reviews, affected list of {report.Handles:N0} handles as stored with the messages, read back): median {report.Seconds:0.00} s (of which the assessment {report.AssessmentSeconds:0.00} s), max {timed[^1].Seconds:0.00} s over {options.Runs} runs after a warm-up run of {reports[0].Seconds:0.00} s; ratio to baseline {report.Seconds / baseline.Median:0.0}"));

            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64;
            output.WriteLine(Invariant($"  peak resident memory of the process (silo included): {peak / 1048576.0:0} MiB"));

            var met = summary.Median < SummaryTargetSeconds && report.Seconds < ReportTargetSeconds && peak < MemoryTargetBytes;
            output.WriteLine(Invariant(
                $"  targets at this scale (summary < {SummaryTargetSeconds} s, report < {ReportTargetSeconds} s, < 1 GiB): {(met ? "met" : "missed")}; the issue states them for 1,000,000 holdings"));
            return met ? 0 : 1;
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
            SqliteConnection.ClearAllPools();
        }
    }

    // The rows the impact reads, read and dropped: what the database alone costs.
    private static async Task StreamHoldingsAsync(Database database, string holder, BreachDetails details, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT handle, category, profile_version, terms_sha256, source_holder, via_hop FROM holdings WHERE holder = @holder AND acquired_at_ms <= @untilMs AND (released_at_ms IS NULL OR released_at_ms >= @fromMs)",
            new { holder, fromMs = details.WindowFrom.ToUnixTimeMilliseconds(), untilMs = details.WindowUntil.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
        }
    }

    /// <summary>One timed full report: in all and the assessment alone, in seconds, with how many it told and listed.</summary>
    private sealed record FullReport(double Seconds, double AssessmentSeconds, int Notified, int Handles);

    /// <summary>A warm-up run, then <paramref name="runs"/> timed runs: median and slowest, in seconds.</summary>
    private static async Task<(double Median, double Max)> TimeAsync(int runs, Func<Task> run)
    {
        await run();
        var seconds = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        seconds.Sort();
        return (seconds[seconds.Count / 2], seconds[^1]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
