using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DataCustody.Grains.Compliance;

/// <summary>
/// Where the next page of a compliance list starts: the sort key of the previous page's last row.
/// On the wire it is opaque: unpadded base64url of <c>order.index</c>.
/// </summary>
/// <param name="Order">The time (Unix milliseconds) a list in time order sorts by first, else 0.</param>
/// <param name="Index">The log index or hop id of the row.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.PageCursor")]
public sealed record PageCursor(
    [property: Id(0)] long Order,
    [property: Id(1)] long Index)
{
    /// <summary>The cursor as the API passes it.</summary>
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Order}.{Index}")));

    /// <summary>Reads a cursor that <see cref="ToString"/> wrote; anything else is refused.</summary>
    public static bool TryParse(string text, out PageCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        cursor = null;
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }
        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var order)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }
        cursor = new PageCursor(order, index);
        return true;
    }
}
