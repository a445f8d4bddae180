using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Sdk.Models;

/// <summary>Hashes as text: the API writes unpadded base64url; standard base64 is read too, as the log endpoints use it.</summary>
internal static class HashText
{
    public static string Encode(ReadOnlySpan<byte> hash) => StrictBase64.EncodeUrl(hash);

    public static byte[]? TryDecode(string text)
    {
        if (StrictBase64.TryDecodeUrl(System.Text.Encoding.ASCII.GetBytes(text), out var bytes) && bytes.Length == MerkleHash.Size)
        {
            return bytes;
        }
        return StrictBase64.TryDecode(text, out bytes) && bytes.Length == MerkleHash.Size ? bytes : null;
    }
}
