using System.Globalization;

namespace DataCustody.Benchmarks;

/// <summary>
/// What the load tools' commands share: options parsed or the usage shown (exit 2), and Ctrl+C
/// turned into a cancellation, so that a load ends only after its silo, database server or
/// gateway process is stopped and its temporary files are gone (exit 130).
/// </summary>
internal static class LoadCommand
{
    /// <summary>Parses the options and runs the load; the load's exit code is 0 when every target was met, 1 when not.</summary>
    public static async Task<int> RunAsync<TOptions>(
        IReadOnlyList<string> args, Func<IReadOnlyList<string>, TOptions> parse, string usage, Func<TOptions, TextWriter, CancellationToken, Task<int>> load)
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}{Environment.NewLine}{usage}");
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return await load(options, Console.Out, cancellation.Token);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested)
        {
            // A silo's own Ctrl+C handling may stop it under the load, so the failure may be any of the load's.
            await Console.Error.WriteLineAsync($"Cancelled ({e.GetType().Name}); cleaned up.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }

    /// <summary>The value after the option at <paramref name="index"/> - 1; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static string Value(IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count)
        {
            throw new ArgumentException($"{args[index - 1]} needs a value.");
        }
        return args[index];
    }

    /// <summary>The positive whole number after the option at <paramref name="index"/> - 1.</summary>
    public static long Positive(IReadOnlyList<string> args, int index)
    {
        var text = Value(args, index);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{args[index - 1]} needs a positive whole number, got '{text}'.");
        }
        return value;
    }
}
