using System.Globalization;
using DataCustody.Storage;

namespace DataCustody.Benchmarks.Generation;

/// <summary>What the generator produces and where.</summary>
/// <param name="People">People who entrust their data.</param>
/// <param name="Providers">Providers, from a few large holders down to many small ones.</param>
/// <param name="Hops">Hops in all, spread over the people's chains.</param>
/// <param name="DataFolder">The gateway's data folder: the SQLite file <c>custody.db</c> and the broker's keys.</param>
/// <param name="PostgresConnection">A PostgreSQL database to generate into instead of the SQLite file.</param>
/// <param name="Seed">The same seed plans the same graph.</param>
internal sealed record GenerateOptions(int People, int Providers, int Hops, string DataFolder, string? PostgresConnection, int Seed)
{
    public const string Usage =
        "usage: generate --people N --providers M --hops H [--data DIR | --postgres CONNECTION] [--seed S]\n"
        + "  writes into DIR/custody.db (default ./data, the gateway's default data folder), or into the PostgreSQL\n"
        + "  database CONNECTION with the broker's keys in DIR; a gateway started with DataFolder=DIR opens it.";

    public StorageProvider Storage => PostgresConnection is null ? StorageProvider.Sqlite : StorageProvider.Postgres;

    /// <summary>Parses the arguments after <c>generate</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GenerateOptions(0, 0, -1, "data", null, 2009);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--people" => options with { People = Count(args, ++i) },
                "--providers" => options with { Providers = Count(args, ++i) },
                "--hops" => options with { Hops = Count(args, ++i) },
                "--data" => options with { DataFolder = LoadCommand.Value(args, ++i) },
                "--postgres" => options with { PostgresConnection = LoadCommand.Value(args, ++i) },
                "--seed" => options with { Seed = Count(args, ++i) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        if (options.People == 0 || options.Providers == 0 || options.Hops < 0)
        {
            throw new ArgumentException("--people, --providers and --hops are required.");
        }
        // A hop needs a sender and a recipient, and the largest holders are hosts that collect nothing themselves.
        if (options.Providers < ProviderCatalog.Hosts + 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--providers needs at least {ProviderCatalog.Hosts + 2}."));
        }
        return options;
    }

    private static int Count(IReadOnlyList<string> args, int index) =>
        LoadCommand.Positive(args, index) is var value && value <= int.MaxValue
            ? (int)value
            : throw new ArgumentException($"{args[index - 1]} is too large.");
}
