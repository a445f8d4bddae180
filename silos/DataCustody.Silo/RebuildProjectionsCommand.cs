using System.Data.Common;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Silo;

/// <summary>
/// <c>rebuild-projections --target-provider sqlite|postgres --target CONNECTION</c>: replays
/// the log of the configured storage into a fresh database and compares the projections of both.
/// Exit code 0 when they are equal, 1 when they differ, 2 when the rebuild could not run.
/// </summary>
public static class RebuildProjectionsCommand
{
    /// <summary>Runs the command with the options after its name; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] options)
    {
        // The silo's own configuration sources, so the source is the storage the silo would use;
        // the command line provider also reads --target-provider and --target.
        var configuration = Host.CreateApplicationBuilder(options).Configuration;
        var target = configuration["target"];
        if (!Enum.TryParse<StorageProvider>(configuration["target-provider"], ignoreCase: true, out var targetProvider)
            || !Enum.IsDefined(targetProvider) || string.IsNullOrWhiteSpace(target))
        {
            await Console.Error.WriteLineAsync("usage: DataCustody.Silo rebuild-projections --target-provider sqlite|postgres --target \"<connection string>\"");
            return 2;
        }

        var source = SiloBuilderExtensions.CreateDatabase(SiloSettings.From(configuration));
        var rebuilt = new Database(SqlDialect.For(targetProvider), target);
        await using var writer = new WriterConnection(source);
        var log = new LedgerStore(source, [], writer);
        try
        {
            var replayed = await ProjectionRebuild.RebuildAsync(log, rebuilt, CancellationToken.None);
            var live = await ProjectionSnapshot.ReadAsync(source, CancellationToken.None);
            // Projections move with the log head in one transaction: an unchanged head means the
            // live tables were read as they stood after exactly the replayed entries.
            var size = await log.ReadSizeAsync();
            if (size != replayed)
            {
                await Console.Error.WriteLineAsync($"The log grew from {replayed} to {size} entries during the rebuild, so the live tables cannot be compared with it: stop the broker and rebuild into another fresh database.");
                return 2;
            }
            var differences = live.Differences(await ProjectionSnapshot.ReadAsync(rebuilt, CancellationToken.None));
            if (differences.Count == 0)
            {
                Console.WriteLine($"rebuilt {replayed} entries; projections equal");
                return 0;
            }
            Console.WriteLine($"rebuilt {replayed} entries; {differences.Count} differences between the live projections (here) and the rebuilt ones (the other snapshot):");
            foreach (var difference in differences)
            {
                Console.WriteLine(difference);
            }
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or DbException)
        {
            await Console.Error.WriteLineAsync($"rebuild-projections failed: {e.Message}");
            return 2;
        }
    }
}
