namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// Picks providers with Zipf-like weights (rank r weighs 1/r), so a few large holders end up
/// holding most people's data and many small ones a little, as in real markets.
/// </summary>
internal sealed class ZipfWeights
{
    private readonly double[] _cumulative;

    /// <param name="count">How many ranks.</param>
    /// <param name="eligible">Which ranks may be picked at all.</param>
    public ZipfWeights(int count, Func<int, bool> eligible)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += eligible(rank) ? 1.0 / (rank + 1) : 0;
            _cumulative[rank] = total;
        }
    }

    public int Pick(Random random)
    {
        // The first rank whose cumulative weight exceeds the target: ineligible ranks add nothing, so never qualify.
        var target = random.NextDouble() * _cumulative[^1];
        var (low, high) = (0, _cumulative.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _cumulative[middle] > target ? (low, middle) : (middle + 1, high);
        }
        return low;
    }

    /// <summary>A pick other than <paramref name="except"/>.</summary>
    public int PickOther(Random random, int except)
    {
        while (true)
        {
            var rank = Pick(random);
            if (rank != except)
            {
                return rank;
            }
        }
    }
}
