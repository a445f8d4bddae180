namespace DataCustody.Benchmarks.Ledger;

/// <summary>Leaves of the ledger's typical size with random, incompressible content.</summary>
internal static class RandomLeaves
{
    /// <summary>An envelope plus a statement of a few hundred bytes.</summary>
    public const int LeafBytes = 500;

    /// <summary>Creates <paramref name="count"/> fresh leaves.</summary>
    public static byte[][] Create(int count)
    {
        var leaves = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            leaves[i] = new byte[LeafBytes];
            Random.Shared.NextBytes(leaves[i]);
        }
        return leaves;
    }
}
