using BenchmarkDotNet.Attributes;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Benchmarks.Transparency;

[MemoryDiagnoser]
public class LeafHashingBenchmarks
{
    // The ledger's typical leaf: envelope plus a statement of a few hundred bytes.
    private const int LeafBytes = 500;

    private readonly byte[] _leaf = new byte[LeafBytes];
    private readonly byte[] _left = new byte[MerkleHash.Size];
    private readonly byte[] _right = new byte[MerkleHash.Size];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6962);
        random.NextBytes(_leaf);
        random.NextBytes(_left);
        random.NextBytes(_right);
    }

    [Benchmark]
    public byte[] Leaf() => MerkleHash.Leaf(_leaf);

    [Benchmark]
    public byte[] Node() => MerkleHash.Node(_left, _right);
}
