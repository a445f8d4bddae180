using System.Text;

namespace DataCustody.Gateway.Tests.Compliance;

/// <summary>An independent RFC 4180 reader, to check that CSV the API writes reads back: rows of fields, the header first.</summary>
internal static class CsvTable
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    Assert.Equal('\n', text[i + 1]);
                    i++;
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    Assert.NotEqual('\n', c);
                    field.Append(c);
                    break;
            }
        }
        Assert.False(quoted, "A quoted field is not closed.");
        Assert.True(fields.Count == 0 && field.Length == 0, "The last record does not end with CRLF.");
        return rows;
    }

    /// <summary>The rows after the header, each as header name to field.</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Parse(text);
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
