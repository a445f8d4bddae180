namespace DataCustody.Benchmarks.Generation;

/// <summary>Picks from a few fixed choices, each as likely as its weight.</summary>
internal static class WeightedChoice
{
    public static T Pick<T>(Random random, IReadOnlyList<(T Choice, double Weight)> weights)
    {
        var target = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (choice, weight) in weights)
        {
            target -= weight;
            if (target < 0)
            {
                return choice;
            }
        }
        return weights[^1].Choice;
    }
}
