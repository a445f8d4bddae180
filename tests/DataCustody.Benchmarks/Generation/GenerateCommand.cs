using System.Diagnostics;
using System.Globalization;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Ledger;
using DataCustody.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// <c>generate --people N --providers M --hops H</c>: a synthetic custody graph written through the
/// real statement path into the database a gateway opens (the SQLite file of its data folder, or
/// PostgreSQL), with months of simulated history, for the breach benchmarks to query. Ends with a
/// census of the tables, the largest holder, and the <c>--hops</c> for the benchmark's scale.
/// </summary>
internal static class GenerateCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args) =>
        LoadCommand.RunAsync(args, GenerateOptions.Parse, GenerateOptions.Usage, RunAsync);

    private static async Task<int> RunAsync(GenerateOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var dataFolder = Path.GetFullPath(options.DataFolder);
        var sqliteFile = Path.Combine(dataFolder, "custody.db");
        // Providers register once, so a second run into the same database would fail half-way.
        if (options.Storage == StorageProvider.Sqlite && File.Exists(sqliteFile))
        {
            await Console.Error.WriteLineAsync($"{sqliteFile} exists already: generate into an empty data folder.");
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        var timeline = new Timeline(DateTimeOffset.UtcNow);
        // The broker's domain clock: months of history pass in minutes, so that holdings are acquired
        // and released at different times and a breach window over them means something. It only
        // moves forward, as the log's timestamps must; Orleans keeps real time for its timeouts.
        var clock = new FakeTimeProvider(timeline.Start);
        var random = new Random(options.Seed);
        using var catalog = ProviderCatalog.Create(options.Providers, timeline, random);
        var plans = LifePlanner.Plan(options.People, options.Hops, catalog, random);
        var unconsented = plans.SelectMany(p => p.Steps).OfType<HopStep>().Count(h => h.Unconsented);
        output.WriteLine(Invariant(
            $"generate: {options.People} people, {options.Providers} providers, {options.Hops} hops, seed {options.Seed}, into {(options.Storage == StorageProvider.Sqlite ? sqliteFile : "postgres")}; history from {timeline.Start:yyyy-MM-dd} over {Timeline.Days} days; planned in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));

        using var silo = await InProcessSilo.StartAsync(
            GeneratedDatabase.Settings(dataFolder, options.PostgresConnection), cancellationToken, services => services.AddSingleton(new BrokerClock(clock)));
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            if ((await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetStatus()).Size > 0)
            {
                await Console.Error.WriteLineAsync("The database holds a log already: generate into an empty one.");
                return 2;
            }

            started = Stopwatch.GetTimestamp();
            var run = new GenerationRun(grains, catalog, timeline, clock, plans);
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var joining = context.AddTask("providers join", maxValue: 1);
                    clock.SetUtcNow(timeline.MorningOf(0));
                    await catalog.JoinAsync(grains, clock.GetUtcNow(), cancellationToken);
                    joining.Increment(1);
                    var days = context.AddTask("simulated days", maxValue: Timeline.Days);
                    for (var day = 0; day < Timeline.Days; day++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await run.RunDayAsync(day, cancellationToken);
                        days.Description = Invariant($"day {day + 1}/{Timeline.Days}, {run.Tally.Total} statements");
                        days.Increment(1);
                    }
                });
            var elapsed = Stopwatch.GetElapsedTime(started);

            var census = await GraphCensus.TakeAsync(silo.Services.GetRequiredService<Database>(), grains, cancellationToken);
            var estimate = TargetEstimate.From(census, options.Hops, run.HopStatements, elapsed);
            Summarize(output, census, run, unconsented, elapsed, estimate);
            var clean = run.Tally.Refused == 0 && run.Tally.Failed == 0 && run.Tally.Duplicates == 0 && run.Tally.Flagged == unconsented;
            if (!clean)
            {
                output.WriteLine(Invariant($"unexpected outcomes (expected {unconsented} flagged, nothing refused): {run.Tally.Describe()}"));
            }
            return clean ? 0 : 1;
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
            // Pooled connections keep the file open (and its write-ahead log unmerged) until cleared.
            SqliteConnection.ClearAllPools();
        }
    }

    private static void Summarize(TextWriter output, GraphCensus census, GenerationRun run, int unconsented, TimeSpan elapsed, TargetEstimate estimate)
    {
        var tally = run.Tally;
        var seconds = elapsed.TotalSeconds;
        output.WriteLine(Invariant($"people {census.People}, providers {census.Providers}"));
        output.WriteLine(Invariant(
            $"entries {census.Entries}: {tally.Total} provider statements (recorded {tally.Recorded}, flagged {tally.Flagged} of {unconsented} unconsented hops, refused {tally.Refused}, failed {tally.Failed}), {run.CitizenCalls} consent and handle calls, {run.DeadlinesLogged} deadlines logged"));
        output.WriteLine(Invariant(
            $"hops {census.Hops}: confirmed {census.HopsConfirmed}, unconfirmed {census.Hops - census.HopsConfirmed} (sender only {census.HopsSenderOnly}, recipient only {census.HopsRecipientOnly})"));
        output.WriteLine(Invariant(
            $"holdings {census.Holdings}: current {census.HoldingsCurrent}, released {census.HoldingsReleased}; collected {census.HoldingsCollected}, via hops {census.HoldingsViaHops}; acquired {census.FirstAcquired:yyyy-MM-dd} to {census.LastAcquired:yyyy-MM-dd}"));
        output.WriteLine(Invariant($"violations {census.Violations.Sum(v => v.Count)}: {Describe(census.Violations)}"));
        output.WriteLine(Invariant($"obligations {census.Obligations.Sum(o => o.Count)}: {Describe(census.Obligations)}"));
        output.WriteLine(Invariant(
            $"elapsed {seconds:0.0} s: {census.Entries / seconds:0} entries/s, {census.Holdings / seconds:0} holdings/s; people's calls took {run.PeopleTime.TotalSeconds:0.0} s, statements {run.StatementTime.TotalSeconds:0.0} s"));
        output.WriteLine(Invariant($"largest holder: {census.LargestHolder} ({census.LargestHolderHoldings} holdings of {census.LargestHolderPeople} people)"));
        output.WriteLine(Invariant(
            $"for {TargetEstimate.Holdings:N0} holdings of {TargetEstimate.People:N0} people across {TargetEstimate.Providers} providers: generate --people {TargetEstimate.People} --providers {TargetEstimate.Providers} --hops {estimate.Hops} (about {estimate.Entries:N0} entries, {estimate.Duration.TotalMinutes:0} min at this rate)"));
    }

    private static string Describe(IReadOnlyList<(string Key, long Count)> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => Invariant($"{c.Key} {c.Count}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
