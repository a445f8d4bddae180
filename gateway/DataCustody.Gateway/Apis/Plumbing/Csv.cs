using System.Buffers;
using System.Text;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they must be. Fields come from what
/// providers registered and reported, and the files are opened in spreadsheets: a field that a
/// spreadsheet would run as a formula starts with an apostrophe, as OWASP's advice on CSV injection has it.
/// </summary>
public static class Csv
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The media type of a CSV body with a header row.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The table of <paramref name="header"/> and <paramref name="rows"/> as CSV text.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A row has {row.Count} fields, the header {header.Count}.", nameof(rows));
            }
            Line(text, row);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var field = fields[i] ?? "";
            if (field.Length > 0 && FormulaStarts.Contains(field[0]))
            {
                field = "'" + field;
            }
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                text.Append(field);
                continue;
            }
            text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        text.Append("\r\n");
    }
}
