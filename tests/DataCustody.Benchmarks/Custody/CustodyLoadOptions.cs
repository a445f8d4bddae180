using System.Globalization;

namespace DataCustody.Benchmarks.Custody;

/// <summary>How long the custody load tool runs each of its loads.</summary>
/// <param name="Duration">The measured time of the transfer-check load and of the statement load each.</param>
internal sealed record CustodyLoadOptions(TimeSpan Duration)
{
    public const string Usage = "usage: custody [--seconds 10]";

    // The statement load's statements are all signed before it starts, some 2 KB each at over
    // 30,000 a second: a minute of them takes a few gigabytes.
    private const int MaxSeconds = 60;

    /// <summary>Parses the arguments after <c>custody</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static CustodyLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CustodyLoadOptions(TimeSpan.FromSeconds(10));
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Seconds(args, ++i)) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        return options;
    }

    private static int Seconds(IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count)
        {
            throw new ArgumentException("--seconds needs a value.");
        }
        if (!int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is <= 0 or > MaxSeconds)
        {
            throw new ArgumentException($"--seconds needs a whole number from 1 to {MaxSeconds}, got '{args[index]}'.");
        }
        return value;
    }
}
