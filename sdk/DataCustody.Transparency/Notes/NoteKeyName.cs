using System.Buffers.Binary;
using System.Security.Cryptography;
using DataCustody.Transparency.Codecs;

namespace DataCustody.Transparency.Notes;

/// <summary>Key names and key IDs of C2SP signed notes.</summary>
public static class NoteKeyName
{
    /// <summary>The signature type byte of Ed25519 note signatures.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>A key name is non-empty and has neither Unicode spaces nor <c>+</c>.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || c == '+');

    /// <summary>The key ID: the first four bytes, big-endian, of <c>SHA-256(name || 0x0A || 0x01 || public key)</c>.</summary>
    public static uint KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = StrictUtf8.Encoding.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        input[nameBytes.Length + 1] = Ed25519Type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
