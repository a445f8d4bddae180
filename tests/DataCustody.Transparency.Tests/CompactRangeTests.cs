using DataCustody.Transparency.Merkle;

namespace DataCustody.Transparency.Tests;

public sealed class CompactRangeTests
{
    [Fact]
    public void The_root_equals_the_recursive_definition_at_every_size()
    {
        var range = new CompactRange();
        Assert.Equal(SharedTree.Reference.Root(0, 0), range.Root());

        for (var size = 1; size <= SharedTree.Size; size++)
        {
            range.Append(SharedTree.Reference.LeafHashes[size - 1]);

            Assert.Equal(SharedTree.Reference.Root(0, size), range.Root());
        }
    }

    [Fact]
    public void The_library_recursive_root_equals_the_reference()
    {
        foreach (var size in new[] { 0, 1, 2, 3, 7, 8, 9, 1000, 4096 })
        {
            Assert.Equal(SharedTree.Reference.Root(0, size), MerkleHash.Root(SharedTree.Reference.LeafHashes.Take(size).ToList()));
        }
    }

    [Fact]
    public void Every_node_the_visitor_reports_is_the_root_of_the_subtree_it_names()
    {
        var range = new CompactRange();
        var reported = new List<(NodeId Node, byte[] Hash)>();

        foreach (var leaf in SharedTree.Reference.LeafHashes.Take(300))
        {
            range.Append(leaf, (node, hash) => reported.Add((node, hash.ToArray())));
        }

        // A tree of n leaves has n leaves and n - 1 interior nodes once it is complete; 300 leaves
        // complete every node below the right edge: 2n - popcount(n) in all.
        Assert.Equal(2 * 300 - 4, reported.Count);
        Assert.All(reported, r => Assert.Equal(SharedTree.Reference.Root((int)r.Node.Begin, (int)r.Node.End), r.Hash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(255)]
    [InlineData(1000)]
    public void A_range_restored_from_its_frontier_continues_like_the_original(int size)
    {
        var original = new CompactRange();
        foreach (var leaf in SharedTree.Reference.LeafHashes.Take(size))
        {
            original.Append(leaf);
        }
        var frontier = CompactRange.FrontierNodes((ulong)size)
            .Select(n => SharedTree.Reference.Root((int)n.Begin, (int)n.End))
            .ToList();

        var restored = new CompactRange((ulong)size, frontier);
        restored.Append(SharedTree.Reference.LeafHashes[size]);

        Assert.Equal(original.FrontierHashes(), frontier);
        Assert.Equal(SharedTree.Reference.Root(0, size + 1), restored.Root());
    }

    [Fact]
    public void A_frontier_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompactRange(3, [new byte[32]]));
        Assert.Throws<ArgumentException>(() => new CompactRange(1, [new byte[31]]));
    }

    [Fact]
    public void A_leaf_hash_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompactRange().Append(new byte[31]));
    }
}
