using DataCustody.Storage;

namespace DataCustody.Benchmarks.Breaches;

/// <summary>Which generated database to measure, and how often.</summary>
/// <param name="DataFolder">The data folder <c>generate</c> wrote (its <c>custody.db</c> and the broker's keys).</param>
/// <param name="PostgresConnection">The PostgreSQL database <c>generate</c> wrote into, instead of the SQLite file.</param>
/// <param name="Runs">How many times the impact summary and the full report are timed after a warm-up run.</param>
internal sealed record BreachLoadOptions(string DataFolder, string? PostgresConnection, int Runs)
{
    public const string Usage =
        "usage: breach [--data DIR | --postgres CONNECTION] [--runs N]\n"
        + "  measures breach impact on a database that `generate` wrote (DIR as given to generate, default ./data).\n"
        + "  It files and assesses one breach there, so the database gains entries and inbox messages.";

    public StorageProvider Storage => PostgresConnection is null ? StorageProvider.Sqlite : StorageProvider.Postgres;

    public static BreachLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BreachLoadOptions("data", null, 5);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--data" => options with { DataFolder = LoadCommand.Value(args, ++i) },
                "--postgres" => options with { PostgresConnection = LoadCommand.Value(args, ++i) },
                "--runs" => options with { Runs = (int)Math.Min(LoadCommand.Positive(args, ++i), 1000) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        return options;
    }
}
