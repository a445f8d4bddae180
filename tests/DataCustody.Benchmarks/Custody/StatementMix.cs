using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// The statements of the statement load, signed in advance and cut into each provider's batches:
/// <see cref="StatementRound"/>s about random people and the three providers holding their data,
/// all allowed by the person's consents, so all should be recorded with nothing flagged.
/// </summary>
internal static class StatementMix
{
    /// <summary>One <c>Submit</c> call: statements of one provider, about many people.</summary>
    public sealed record Batch(string ProviderId, IReadOnlyList<SubmittedStatement> Statements);

    /// <summary>About <paramref name="statements"/> statements in batches of up to <paramref name="batchSize"/>.</summary>
    public static IReadOnlyList<Batch> Create(Population population, int statements, int batchSize, int seed)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var planned = new List<(BenchmarkProvider Provider, ProviderStatement Statement)>(statements + 4);
        while (planned.Count < statements)
        {
            var person = population.People[random.Next(population.People.Count)];
            var holders = person.Holders.ToArray();
            random.Shuffle(holders);
            var (sender, recipient, third) = (holders[0], holders[1], holders[2]);
            planned.AddRange(StatementRound.Plan(sender, recipient, third, person.Handles, now));
        }

        // Signing is the expensive part: both cores, while nothing else runs.
        var signed = new SubmittedStatement[planned.Count];
        Parallel.For(0, planned.Count, i => signed[i] = planned[i].Provider.Sign(planned[i].Statement));

        // Cut in the order planned, so each provider's batches carry its rounds in order.
        var batches = new List<Batch>(planned.Count / batchSize + population.Providers.Count);
        var open = new Dictionary<string, List<SubmittedStatement>>(StringComparer.Ordinal);
        foreach (var statement in signed)
        {
            var provider = statement.Statement.Provider;
            if (!open.TryGetValue(provider, out var batch))
            {
                open[provider] = batch = new List<SubmittedStatement>(batchSize);
            }
            batch.Add(statement);
            if (batch.Count == batchSize)
            {
                batches.Add(new Batch(provider, batch));
                open.Remove(provider);
            }
        }
        batches.AddRange(open.Select(o => new Batch(o.Key, o.Value)));
        return batches;
    }
}
