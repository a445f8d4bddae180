using System.Text;

namespace DataCustody.Grains.Taxonomy;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated fields, CRLF or LF line ends, quoted fields that may hold
/// commas, line breaks and doubled quotes. The taxonomy files are small, so the whole text is read at once.
/// </summary>
internal static class CsvReader
{
    /// <summary>The records of <paramref name="text"/>, each a list of its fields.</summary>
    /// <exception cref="InvalidDataException">The text is not well-formed CSV.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '"')
            {
                position = ReadQuoted(text, position + 1, field, ref line);
            }
            else
            {
                while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    if (text[position] == '"')
                    {
                        throw new InvalidDataException($"Line {line}: a quote inside an unquoted field.");
                    }
                    field.Append(text[position++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (position == text.Length)
            {
                break;
            }
            switch (text[position])
            {
                case ',':
                    position++;
                    // A comma at the very end still opens one last, empty field.
                    if (position == text.Length)
                    {
                        fields.Add("");
                    }
                    break;
                case '\r' or '\n':
                    position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    records.Add(fields);
                    fields = [];
                    line++;
                    break;
                default:
                    throw new InvalidDataException($"Line {line}: characters after the closing quote of a field.");
            }
        }
        if (fields.Count > 0)
        {
            records.Add(fields);
        }
        return records;
    }

    /// <summary>Appends a quoted field's content from <paramref name="position"/> (just past the opening quote) and returns the position after its closing quote.</summary>
    private static int ReadQuoted(string text, int position, StringBuilder field, ref int line)
    {
        var start = line;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c != '"')
            {
                line += c == '\n' ? 1 : 0;
                field.Append(c);
            }
            else if (position < text.Length && text[position] == '"')
            {
                field.Append('"');
                position++;
            }
            else
            {
                return position;
            }
        }
        throw new InvalidDataException($"Line {start}: a quoted field has no closing quote.");
    }
}
