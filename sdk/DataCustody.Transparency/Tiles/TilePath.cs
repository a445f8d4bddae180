using System.Globalization;
using System.Text;

namespace DataCustody.Transparency.Tiles;

/// <summary>
/// The C2SP tlog-tiles path of a tile or entry bundle: <c>&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>
/// with the index in zero-padded three-digit elements, all but the last prefixed with <c>x</c>
/// (index 1234067 is <c>x001/x234/067</c>).
/// </summary>
/// <param name="Level">The tile level, 0 to 63; null for an entry bundle.</param>
/// <param name="Index">The tile's index within its level.</param>
/// <param name="Width">The width of a partial tile, 1 to 255; null for a full tile of 256.</param>
public sealed record TilePath(int? Level, long Index, int? Width)
{
    /// <summary>Hashes (or entries) in a full tile.</summary>
    public const int FullWidth = 256;

    /// <summary>The number of hashes or entries the tile holds.</summary>
    public int Count => Width ?? FullWidth;

    /// <summary>
    /// Parses the part of a tile URL after <c>tile/</c>; entry bundles start with <c>entries/</c>.
    /// Returns false with a reason for anything that is not the one canonical spelling.
    /// </summary>
    public static bool TryParse(string path, out TilePath? tile, out string reason)
    {
        ArgumentNullException.ThrowIfNull(path);
        tile = null;
        var elements = path.Split('/');
        if (elements.Length < 2)
        {
            reason = "A tile path has a level (or 'entries') and an index.";
            return false;
        }

        int? level = null;
        if (elements[0] != "entries")
        {
            if (!TryParseDecimal(elements[0], 63, out var parsedLevel))
            {
                reason = $"The level '{elements[0]}' is not a decimal from 0 to 63 without leading zeros.";
                return false;
            }
            level = (int)parsedLevel;
        }

        int? width = null;
        var indexElements = elements[1..];
        var last = indexElements[^1];
        if (indexElements.Length >= 2 && indexElements[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseDecimal(last, 255, out var parsedWidth) || parsedWidth == 0)
            {
                reason = $"The partial width '{last}' is not a decimal from 1 to 255 without leading zeros.";
                return false;
            }
            width = (int)parsedWidth;
            indexElements = indexElements[..^1];
            indexElements[^1] = indexElements[^1][..^2];
        }

        if (!TryParseIndex(indexElements, out var index))
        {
            reason = $"The index '{string.Join('/', indexElements)}' is not in zero-padded three-digit elements with 'x' on all but the last.";
            return false;
        }
        tile = new TilePath(level, index, width);
        reason = "";
        return true;
    }

    /// <summary>The canonical path, without the <c>tile/</c> prefix.</summary>
    public override string ToString()
    {
        var path = new StringBuilder(Level?.ToString(CultureInfo.InvariantCulture) ?? "entries").Append('/');
        var groups = new List<string>();
        var rest = Index;
        do
        {
            groups.Add((rest % 1000).ToString("000", CultureInfo.InvariantCulture));
            rest /= 1000;
        }
        while (rest > 0);
        groups.Reverse();
        for (var i = 0; i < groups.Count - 1; i++)
        {
            path.Append('x').Append(groups[i]).Append('/');
        }
        path.Append(groups[^1]);
        if (Width is { } w)
        {
            path.Append(".p/").Append(w.ToString(CultureInfo.InvariantCulture));
        }
        return path.ToString();
    }

    private static bool TryParseIndex(string[] elements, out long index)
    {
        index = 0;
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            var isLast = i == elements.Length - 1;
            var digits = isLast ? element : element.StartsWith('x') ? element[1..] : null;
            if (digits is null || digits.Length != 3 || !digits.All(char.IsAsciiDigit))
            {
                return false;
            }
            var group = int.Parse(digits, CultureInfo.InvariantCulture);
            // A leading group of zeros would be a second spelling of a smaller index.
            if (i == 0 && group == 0 && !isLast)
            {
                return false;
            }
            if (index > (long.MaxValue - group) / 1000)
            {
                return false;
            }
            index = index * 1000 + group;
        }
        return true;
    }

    private static bool TryParseDecimal(string text, int max, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 3 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        value = long.Parse(text, CultureInfo.InvariantCulture);
        return value <= max;
    }
}
