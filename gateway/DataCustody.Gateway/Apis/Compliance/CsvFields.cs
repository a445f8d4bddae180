using System.Globalization;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>How values are written in CSV fields.</summary>
internal static class CsvFields
{
    /// <summary>An ISO 8601 time in UTC.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    /// <summary>A list of keys separated by spaces: taxonomy keys never contain one.</summary>
    public static string List(IEnumerable<string> keys) => string.Join(' ', keys);
}
