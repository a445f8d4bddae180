using System.Buffers;
using System.Buffers.Text;

namespace DataCustody.Transparency.Codecs;

/// <summary>
/// Base64 (RFC 4648 §4) and base64url (§5, unpadded) decoding that accepts only the one canonical
/// encoding of each byte string: no whitespace, no missing or extra padding, no stray bits. A
/// signed format that accepted two spellings of the same bytes would let one value masquerade as
/// another.
/// </summary>
public static class StrictBase64
{
    private static readonly SearchValues<byte> UrlAlphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    /// <summary>Decodes canonical standard base64, or returns false.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }
        bytes = buffer.AsSpan(0, written).ToArray();
        return Convert.ToBase64String(bytes).AsSpan().SequenceEqual(text);
    }

    /// <summary>Decodes canonical unpadded base64url from ASCII bytes, or returns false.</summary>
    public static bool TryDecodeUrl(ReadOnlySpan<byte> utf8, out byte[] bytes)
    {
        bytes = [];
        if (utf8.Length % 4 == 1)
        {
            return false;
        }
        // The decoder would skip whitespace and accept padding; the canonical form has neither.
        if (utf8.ContainsAnyExcept(UrlAlphabet))
        {
            return false;
        }
        if (utf8.Length > 0 && !LastCharacterIsCanonical(utf8))
        {
            return false;
        }
        var buffer = new byte[Base64Url.GetMaxDecodedLength(utf8.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        bytes = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Encodes bytes as unpadded base64url.</summary>
    public static string EncodeUrl(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    // A final group of two or three characters carries 4 or 2 bits beyond the encoded bytes;
    // canonical encoders leave them zero.
    private static bool LastCharacterIsCanonical(ReadOnlySpan<byte> utf8)
    {
        var unusedBits = (utf8.Length % 4) switch
        {
            2 => 0b1111,
            3 => 0b11,
            _ => 0,
        };
        return (SextetOf(utf8[^1]) & unusedBits) == 0;
    }

    private static int SextetOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'-' => 62,
        _ => 63,
    };
}
