using System.Globalization;
using System.Text.RegularExpressions;

namespace DataCustody.Cli.Monitoring;

/// <summary>Durations written as a whole number and a unit: <c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>.</summary>
internal static partial class Duration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        try
        {
            duration = match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        catch (OverflowException)
        {
            return false;
        }
        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^([0-9]{1,9})(ms|s|m|h)\z")]
    private static partial Regex Pattern();
}
