using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// Leaves this silo is appending, already opened by the grain that wrote them, so that the
/// projector inside the append transaction (one writer for the whole log) need not open them
/// again. A projection is a pure function of the leaf, so a leaf found here by its RFC 6962 hash
/// projects exactly as it would decoded; a leaf not found (appended from another silo) is decoded.
/// </summary>
public sealed class DecodedLeaves
{
    private readonly ConcurrentDictionary<LeafKey, PendingEntry> _leaves = new();

    /// <summary>Remembers the entry whose leaf hashes to <paramref name="leafHash"/> until <see cref="Forget"/>.</summary>
    public void Remember(ReadOnlySpan<byte> leafHash, PendingEntry entry) => _leaves[LeafKey.Of(leafHash)] = entry;

    /// <summary>Forgets a leaf once its append ended, whether it succeeded or not.</summary>
    public void Forget(ReadOnlySpan<byte> leafHash) => _leaves.TryRemove(LeafKey.Of(leafHash), out _);

    /// <summary>The entry at <paramref name="index"/>: as remembered, else decoded from <paramref name="leaf"/>.</summary>
    public DecodedEntry? Open(long index, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> leaf) =>
        _leaves.TryGetValue(LeafKey.Of(leafHash), out var opened)
            ? opened.At(index)
            : DecodedEntry.Decode(index, leaf);

    private readonly record struct LeafKey(ulong A, ulong B, ulong C, ulong D)
    {
        public static LeafKey Of(ReadOnlySpan<byte> hash)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(hash.Length, MerkleHash.Size, nameof(hash));
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new LeafKey(words[0], words[1], words[2], words[3]);
        }
    }
}
