using BenchmarkDotNet.Attributes;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Benchmarks.Transparency;

[MemoryDiagnoser]
public class CompactRangeBenchmarks
{
    // Enough appends that the range reaches a realistic height (20 levels) and the one
    // allocation of a fresh range disappears in the per-append figure.
    private const int Appends = 1_000_000;

    // One contiguous block rather than a million arrays, so the loop reads hashes sequentially
    // instead of chasing references.
    private readonly byte[] _leafHashes = new byte[Appends * MerkleHash.Size];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Appends; i++)
        {
            MerkleHash.Leaf(BitConverter.GetBytes(i), _leafHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
    }

    [Benchmark(OperationsPerInvoke = Appends)]
    public ulong Append()
    {
        var range = new CompactRange();
        var hashes = _leafHashes.AsSpan();
        for (var offset = 0; offset < hashes.Length; offset += MerkleHash.Size)
        {
            range.Append(hashes.Slice(offset, MerkleHash.Size));
        }
        return range.Size;
    }
}
