using DataCustody.Transparency.Merkle;

namespace DataCustody.Transparency.Tests;

public sealed class Rfc6962VectorTests
{
    public static TheoryData<string> InclusionFiles => Vectors.Files("rfc6962/inclusion");

    public static TheoryData<string> ConsistencyFiles => Vectors.Files("rfc6962/consistency");

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion(string file)
    {
        var c = Vectors.Read<InclusionCase>(file);
        var proof = (c.Proof ?? []).Select(Vectors.Base64).ToArray();

        var error = Record.Exception(() =>
            MerkleProof.VerifyInclusion(c.LeafIdx, c.TreeSize, Vectors.Base64(c.LeafHash), proof, Vectors.Base64(c.Root)));

        AssertOutcome(c.WantErr, c.Desc, error);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency(string file)
    {
        var c = Vectors.Read<ConsistencyCase>(file);
        var proof = (c.Proof ?? []).Select(Vectors.Base64).ToArray();

        var error = Record.Exception(() =>
            MerkleProof.VerifyConsistency(c.Size1, c.Size2, proof, Vectors.Base64(c.Root1), Vectors.Base64(c.Root2)));

        AssertOutcome(c.WantErr, c.Desc, error);
    }

    [Fact]
    public void The_suite_has_every_case()
    {
        Assert.Equal(196, InclusionFiles.Count + ConsistencyFiles.Count);
    }

    private static void AssertOutcome(bool wantError, string description, Exception? error)
    {
        if (wantError)
        {
            Assert.IsType<InvalidProofException>(error);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), description);
        }
        else
        {
            Assert.Null(error);
        }
    }

    private sealed record InclusionCase(ulong LeafIdx, ulong TreeSize, string? Root, string? LeafHash, string[]? Proof, string Desc, bool WantErr);

    private sealed record ConsistencyCase(ulong Size1, ulong Size2, string? Root1, string? Root2, string[]? Proof, string Desc, bool WantErr);
}
