using BenchmarkDotNet.Attributes;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Benchmarks.Transparency;

[MemoryDiagnoser]
public class ProofGenerationBenchmarks
{
    // A power of two, so the next input is picked with a mask rather than a division.
    private const int Inputs = 1024;

    private readonly ulong[] _indices = new ulong[Inputs];
    private readonly ulong[] _oldSizes = new ulong[Inputs];
    private InMemoryNodeSource _source = new();
    private int _next;

    [Params(1_000, 1_000_000)]
    public int TreeSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Proof length and the nodes read depend on the index, so the figure is an average over
        // many paths; a fixed seed keeps the paths the same from run to run.
        var random = new Random(6962);
        for (var i = 0; i < Inputs; i++)
        {
            _indices[i] = (ulong)random.NextInt64(TreeSize);
            _oldSizes[i] = (ulong)random.NextInt64(1, TreeSize);
        }

        var oldSizes = new HashSet<ulong>(_oldSizes);
        var oldRoots = new Dictionary<ulong, byte[]>();
        _source = new InMemoryNodeSource();
        for (var i = 0; i < TreeSize; i++)
        {
            _source.Append(LeafHash(i));
            if (oldSizes.Contains(_source.Size))
            {
                oldRoots[_source.Size] = _source.Root();
            }
        }

        // A wrong proof can be cheaper than a right one; check every input once, outside the
        // measurement, so the figures are for proofs that verify.
        var root = _source.Root();
        var size = (ulong)TreeSize;
        for (var i = 0; i < Inputs; i++)
        {
            var inclusion = ProofPlan.Inclusion(_indices[i], size).ReadAsync(_source).GetAwaiter().GetResult();
            MerkleProof.VerifyInclusion(_indices[i], size, LeafHash((int)_indices[i]), inclusion, root);
            var consistency = ProofPlan.Consistency(_oldSizes[i], size).ReadAsync(_source).GetAwaiter().GetResult();
            MerkleProof.VerifyConsistency(_oldSizes[i], size, consistency, oldRoots[_oldSizes[i]], root);
        }
    }

    [Benchmark]
    public byte[][] Inclusion()
    {
        var index = _indices[_next];
        _next = (_next + 1) & (Inputs - 1);
        // The in-memory source completes synchronously, so blocking costs nothing and avoids
        // the overhead an async benchmark method would add to every call.
        return ProofPlan.Inclusion(index, (ulong)TreeSize).ReadAsync(_source).GetAwaiter().GetResult();
    }

    [Benchmark]
    public byte[][] Consistency()
    {
        var oldSize = _oldSizes[_next];
        _next = (_next + 1) & (Inputs - 1);
        return ProofPlan.Consistency(oldSize, (ulong)TreeSize).ReadAsync(_source).GetAwaiter().GetResult();
    }

    private static byte[] LeafHash(int index) => MerkleHash.Leaf(BitConverter.GetBytes(index));
}
