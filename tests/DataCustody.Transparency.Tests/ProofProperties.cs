using DataCustody.Transparency.Merkle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataCustody.Transparency.Tests;

/// <summary>
/// Proof generation and verification over random trees of up to 4,096 leaves, against the
/// independent <see cref="ReferenceTree"/>.
/// </summary>
public sealed class ProofProperties
{
    private static readonly Arbitrary<(int Index, int Size)> LeafInTree =
        (from size in Gen.Choose(1, SharedTree.Size)
         from index in Gen.Choose(0, size - 1)
         select (index, size)).ToArbitrary();

    private static readonly Arbitrary<(int Size1, int Size2)> TreeAndExtension =
        (from size2 in Gen.Choose(2, SharedTree.Size)
         from size1 in Gen.Choose(1, size2 - 1)
         select (size1, size2)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Inclusion_proofs_match_the_rfc_and_verify() =>
        Prop.ForAll(LeafInTree, c =>
        {
            var (index, size) = c;
            var proof = InclusionProof(index, size);

            Assert.Equal(SharedTree.Reference.Path(index, 0, size), proof);
            MerkleProof.VerifyInclusion((ulong)index, (ulong)size, SharedTree.Reference.LeafHashes[index], proof, SharedTree.Reference.Root(0, size));
        });

    [Property(MaxTest = 60)]
    public Property Flipping_any_bit_of_an_inclusion_proof_its_leaf_or_root_makes_it_fail() =>
        Prop.ForAll(LeafInTree, c =>
        {
            var (index, size) = c;
            var proof = InclusionProof(index, size);
            var leaf = SharedTree.Reference.LeafHashes[index];
            var root = SharedTree.Reference.Root(0, size);

            for (var element = 0; element < proof.Length; element++)
            {
                foreach (var flipped in EveryBitFlipped(proof[element]))
                {
                    var mutated = proof.ToArray();
                    mutated[element] = flipped;
                    Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyInclusion((ulong)index, (ulong)size, leaf, mutated, root));
                }
            }
            foreach (var flipped in EveryBitFlipped(leaf))
            {
                Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyInclusion((ulong)index, (ulong)size, flipped, proof, root));
            }
            foreach (var flipped in EveryBitFlipped(root))
            {
                Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyInclusion((ulong)index, (ulong)size, leaf, proof, flipped));
            }
        });

    [Property(MaxTest = 150)]
    public Property Flipping_any_bit_of_the_index_makes_an_inclusion_proof_fail() =>
        Prop.ForAll(LeafInTree, c =>
        {
            var (index, size) = c;
            var proof = InclusionProof(index, size);
            var root = SharedTree.Reference.Root(0, size);

            for (var bit = 0; bit < 64; bit++)
            {
                var mutated = (ulong)index ^ (1UL << bit);
                Assert.Throws<InvalidProofException>(() =>
                    MerkleProof.VerifyInclusion(mutated, (ulong)size, SharedTree.Reference.LeafHashes[index], proof, root));
            }
        });

    /// <summary>
    /// A proof carries no tree size: a size that walks the same path (for leaf 0 of a tree of 5,
    /// also 7) yields the same computation, so no verifier can reject it. Such a flip must be
    /// accepted exactly when the RFC 9162 algorithm accepts it, and every other flip must fail.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property Flipping_any_bit_of_the_size_fails_unless_the_rfc_algorithm_walks_the_same_path() =>
        Prop.ForAll(LeafInTree, c =>
        {
            var (index, size) = c;
            var proof = InclusionProof(index, size);
            var leaf = SharedTree.Reference.LeafHashes[index];
            var root = SharedTree.Reference.Root(0, size);

            for (var bit = 0; bit < 64; bit++)
            {
                var mutated = (ulong)size ^ (1UL << bit);
                var accepted = Record.Exception(() => MerkleProof.VerifyInclusion((ulong)index, mutated, leaf, proof, root)) is null;
                Assert.Equal(ReferenceTree.VerifyInclusion((ulong)index, mutated, leaf, proof, root), accepted);
            }
        });

    [Property(MaxTest = 150)]
    public Property Consistency_proofs_match_the_rfc_and_verify() =>
        Prop.ForAll(TreeAndExtension, c =>
        {
            var (size1, size2) = c;
            var proof = ConsistencyProof(size1, size2);

            Assert.Equal(SharedTree.Reference.Proof(size1, size2), proof);
            MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, proof, SharedTree.Reference.Root(0, size1), SharedTree.Reference.Root(0, size2));
        });

    [Property(MaxTest = 60)]
    public Property Flipping_any_bit_of_a_consistency_proof_or_either_root_makes_it_fail() =>
        Prop.ForAll(TreeAndExtension, c =>
        {
            var (size1, size2) = c;
            var proof = ConsistencyProof(size1, size2);
            var root1 = SharedTree.Reference.Root(0, size1);
            var root2 = SharedTree.Reference.Root(0, size2);

            for (var element = 0; element < proof.Length; element++)
            {
                foreach (var flipped in EveryBitFlipped(proof[element]))
                {
                    var mutated = proof.ToArray();
                    mutated[element] = flipped;
                    Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, mutated, root1, root2));
                }
            }
            foreach (var flipped in EveryBitFlipped(root1))
            {
                Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, proof, flipped, root2));
            }
            foreach (var flipped in EveryBitFlipped(root2))
            {
                Assert.Throws<InvalidProofException>(() => MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, proof, root1, flipped));
            }
        });

    /// <summary>As for inclusion, a flipped size is accepted exactly when the RFC 9162 algorithm accepts it.</summary>
    [Property(MaxTest = 150)]
    public Property Flipping_any_bit_of_either_size_fails_unless_the_rfc_algorithm_walks_the_same_path() =>
        Prop.ForAll(TreeAndExtension, c =>
        {
            var (size1, size2) = c;
            var proof = ConsistencyProof(size1, size2);
            var root1 = SharedTree.Reference.Root(0, size1);
            var root2 = SharedTree.Reference.Root(0, size2);

            for (var bit = 0; bit < 64; bit++)
            {
                var mutated1 = (ulong)size1 ^ (1UL << bit);
                var mutated2 = (ulong)size2 ^ (1UL << bit);
                var accepted1 = Record.Exception(() => MerkleProof.VerifyConsistency(mutated1, (ulong)size2, proof, root1, root2)) is null;
                var accepted2 = Record.Exception(() => MerkleProof.VerifyConsistency((ulong)size1, mutated2, proof, root1, root2)) is null;
                Assert.Equal(ReferenceTree.VerifyConsistency(mutated1, (ulong)size2, proof, root1, root2), accepted1);
                Assert.Equal(ReferenceTree.VerifyConsistency((ulong)size1, mutated2, proof, root1, root2), accepted2);
            }
        });

    [Property(MaxTest = 150)]
    public Property A_proof_reads_logarithmically_many_nodes() =>
        Prop.ForAll(TreeAndExtension, c =>
        {
            var (size1, size2) = c;
            var bound = 2 * (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)size2)) + 1;

            Assert.InRange(ProofPlan.Inclusion((ulong)size1, (ulong)size2).Nodes.Count, 0, bound);
            Assert.InRange(ProofPlan.Consistency((ulong)size1, (ulong)size2).Nodes.Count, 0, bound);
        });

    private static byte[][] InclusionProof(int index, int size) =>
        ProofPlan.Inclusion((ulong)index, (ulong)size).ReadAsync(SharedTree.Nodes).AsTask().GetAwaiter().GetResult();

    private static byte[][] ConsistencyProof(int size1, int size2) =>
        ProofPlan.Consistency((ulong)size1, (ulong)size2).ReadAsync(SharedTree.Nodes).AsTask().GetAwaiter().GetResult();

    private static IEnumerable<byte[]> EveryBitFlipped(byte[] hash)
    {
        for (var bit = 0; bit < hash.Length * 8; bit++)
        {
            var flipped = hash.ToArray();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            yield return flipped;
        }
    }
}
