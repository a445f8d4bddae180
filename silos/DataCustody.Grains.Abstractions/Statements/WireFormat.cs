using System.Globalization;

namespace DataCustody.Grains.Statements;

/// <summary>The text forms of times and dates in statements.</summary>
internal static class WireFormat
{
    /// <summary>Reads an RFC 3339 date-time with offset, keeping the offset.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        time = default;
        // The pattern fixes the shape; parsing then rejects impossible values such as February 30 or 24:00.
        return WirePatterns.Time().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>Writes the canonical form of a time: UTC with <c>Z</c>, fractional seconds only as far as needed.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>yyyy-MM-dd</c> calendar date.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        return WirePatterns.Date().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Writes a <c>yyyy-MM-dd</c> calendar date.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
