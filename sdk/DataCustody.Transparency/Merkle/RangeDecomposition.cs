using System.Numerics;

namespace DataCustody.Transparency.Merkle;

/// <summary>
/// The minimal set of perfect subtrees that exactly covers a range of leaves: the nodes a
/// compact range of <c>[begin, end)</c> consists of.
/// </summary>
public static class RangeDecomposition
{
    /// <summary>
    /// Appends the nodes covering <c>[begin, end)</c> to <paramref name="nodes"/>, left to right.
    /// </summary>
    public static void AppendNodes(ulong begin, ulong end, List<NodeId> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var (left, right) = Decompose(begin, end);

        var position = begin;
        // Along the left border the subtrees grow from lower to upper levels...
        while (left != 0)
        {
            var level = BitOperations.TrailingZeroCount(left);
            nodes.Add(new NodeId(level, position >> level));
            position += 1UL << level;
            left &= left - 1;
        }
        // ...and along the right border they shrink from upper to lower levels.
        while (right != 0)
        {
            var level = 63 - BitOperations.LeadingZeroCount(right);
            nodes.Add(new NodeId(level, position >> level));
            position += 1UL << level;
            right ^= 1UL << level;
        }
    }

    /// <summary>The number of nodes covering <c>[begin, end)</c>.</summary>
    public static int Count(ulong begin, ulong end)
    {
        var (left, right) = Decompose(begin, end);
        return BitOperations.PopCount(left) + BitOperations.PopCount(right);
    }

    /// <summary>
    /// Splits <c>[begin, end)</c> at the node where the paths to leaves <c>begin - 1</c> and
    /// <c>end</c> diverge: set bits of the first mask are the levels of the subtrees on the left
    /// side of that point, set bits of the second those on the right side.
    /// </summary>
    private static (ulong Left, ulong Right) Decompose(ulong begin, ulong end)
    {
        if (begin > end)
        {
            throw new ArgumentOutOfRangeException(nameof(begin), begin, $"The range begins after its end {end}.");
        }
        if (begin == 0)
        {
            return (0, end);
        }
        var beforeBegin = begin - 1;
        var divergence = 63 - BitOperations.LeadingZeroCount(beforeBegin ^ end);
        var mask = (1UL << divergence) - 1;
        return (~beforeBegin & mask, end & mask);
    }
}
