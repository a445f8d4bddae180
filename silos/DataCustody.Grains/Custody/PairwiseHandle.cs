using System.Security.Cryptography;
using System.Text;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Derives a person's handle at a provider from a secret only the broker holds: handles of one
/// person at two providers share nothing anyone else could link, and once the secret is
/// destroyed nobody can derive them again.
/// </summary>
public static class PairwiseHandle
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int Characters = 26;

    /// <summary><c>h_</c> and 26 base32 characters (130 bits) of HMAC-SHA256(secret, provider id).</summary>
    public static string Derive(ReadOnlySpan<byte> personSecret, string providerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        var mac = HMACSHA256.HashData(personSecret, Encoding.UTF8.GetBytes("datacustody/handle/" + providerId));
        var handle = new StringBuilder("h_", 2 + Characters);
        var buffer = 0;
        var bits = 0;
        var index = 0;
        while (handle.Length < 2 + Characters)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | mac[index++];
                bits += 8;
            }
            bits -= 5;
            handle.Append(Alphabet[(buffer >> bits) & 31]);
        }
        return handle.ToString();
    }
}
