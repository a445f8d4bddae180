using System.Globalization;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>How long the ingest load tool measures, and how many people it spreads statements over.</summary>
/// <param name="Duration">The measured time of the transfer-check load and of the statement load each.</param>
/// <param name="People">Signed-in people with consents at every provider: alice, bob and generated test accounts.</param>
internal sealed record IngestOptions(TimeSpan Duration, int People)
{
    public const string Usage = "usage: ingest [--seconds 20] [--people 400]";

    // The statements are all signed before the load starts (about 1.5 KB each at 20,000 a
    // second): a minute of them is under 2 GB.
    private const int MaxSeconds = 60;

    // Each person signs in through the form (one PBKDF2 check on the gateway) and grants four
    // consents; beyond a few thousand the setup takes longer than the measurement.
    private const int MaxPeople = 5_000;

    /// <summary>Parses the arguments after <c>ingest</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static IngestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new IngestOptions(TimeSpan.FromSeconds(20), 400);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Number(args, ++i, "--seconds", 1, MaxSeconds)) },
                // alice and bob are two of them, so at least two.
                "--people" => options with { People = Number(args, ++i, "--people", 2, MaxPeople) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index, string name, int min, int max)
    {
        if (index >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.");
        }
        if (!int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} needs a whole number from {min} to {max}, got '{args[index]}'.");
        }
        return value;
    }
}
