using System.Buffers.Binary;

namespace DataCustody.Transparency.Tiles;

/// <summary>
/// A C2SP tlog-tiles entry bundle: the entries of one tile in order, each a big-endian 16-bit
/// length followed by that many bytes.
/// </summary>
public static class EntryBundle
{
    /// <summary>The longest entry a bundle can carry.</summary>
    public const int MaxEntryBytes = ushort.MaxValue;

    /// <summary>The bundle of <paramref name="entries"/>; throws <see cref="ArgumentException"/> for an entry over <see cref="MaxEntryBytes"/>.</summary>
    public static byte[] Encode(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var bundle = new byte[entries.Sum(e => 2 + e.Length)];
        var offset = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Length > MaxEntryBytes)
            {
                throw new ArgumentException($"Entry {i} is {entry.Length} bytes, more than an entry bundle can hold ({MaxEntryBytes}).", nameof(entries));
            }
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(offset), (ushort)entry.Length);
            entry.CopyTo(bundle, offset + 2);
            offset += 2 + entry.Length;
        }
        return bundle;
    }

    /// <summary>The entries of <paramref name="bundle"/>; false with a reason when it ends inside a length or an entry.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bundle, out IReadOnlyList<byte[]> entries, out string? reason)
    {
        var decoded = new List<byte[]>();
        entries = decoded;
        reason = null;
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
            {
                reason = "the bundle ends inside a length prefix";
                return false;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            bundle = bundle[2..];
            if (bundle.Length < length)
            {
                reason = $"the bundle ends inside entry {decoded.Count}";
                return false;
            }
            decoded.Add(bundle[..length].ToArray());
            bundle = bundle[length..];
        }
        return true;
    }
}
