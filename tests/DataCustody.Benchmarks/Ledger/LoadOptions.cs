using DataCustody.Storage;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>What the ledger load tool runs against and how hard it pushes.</summary>
/// <param name="Provider">The database kind under the silo and the raw baseline.</param>
/// <param name="Duration">How long the writers run, unless <paramref name="EntryTarget"/> is set.</param>
/// <param name="Writers">Concurrent callers of <c>Append</c>.</param>
/// <param name="LeavesPerAppend">Leaves in each <c>Append</c> call.</param>
/// <param name="EntryTarget">Run until this many entries are acknowledged instead of for a duration.</param>
internal sealed record LoadOptions(StorageProvider Provider, TimeSpan Duration, int Writers, int LeavesPerAppend, long? EntryTarget)
{
    /// <summary>
    /// Statements reach the gateway in HTTP batches (the SDK batches them); the gateway verifies a
    /// batch and hands its statements on together, so one append carries one batch.
    /// </summary>
    public const int DefaultLeavesPerAppend = 100;

    public const string Usage =
        "usage: ledger [--postgres] [--seconds 30] [--writers 64] [--leaves-per-append 100] [--entries N]";

    /// <summary>Parses the arguments after <c>ledger</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(StorageProvider.Sqlite, TimeSpan.FromSeconds(30), Writers: 64, DefaultLeavesPerAppend, EntryTarget: null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--postgres" => options with { Provider = StorageProvider.Postgres },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(LoadCommand.Positive(args, ++i)) },
                "--writers" => options with { Writers = checked((int)LoadCommand.Positive(args, ++i)) },
                "--leaves-per-append" => options with { LeavesPerAppend = checked((int)LoadCommand.Positive(args, ++i)) },
                "--entries" => options with { EntryTarget = LoadCommand.Positive(args, ++i) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        return options;
    }
}
