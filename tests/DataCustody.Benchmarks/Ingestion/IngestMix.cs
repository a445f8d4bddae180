using DataCustody.Benchmarks.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Sdk;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// The statements of the ingestion load, built as typed records, signed in advance (signing is
/// the providers' work, not the broker's) and cut into each provider's chunks: <see cref="StatementRound"/>s
/// about random people, all covered by the person's consents, so all should be recorded with nothing flagged.
/// </summary>
internal static class IngestMix
{
    /// <summary>What one caller hands to <c>SubmitAsync</c> at once, statement by statement.</summary>
    public const int ChunkSize = 50;

    /// <summary>Each provider's chunks, in the order they were planned.</summary>
    public sealed record ProviderChunks(ProviderSystem Provider, IReadOnlyList<SignedStatement[]> Chunks);

    public static IReadOnlyList<ProviderChunks> Create(IngestPopulation population, int statements, int seed)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var planned = new List<(ProviderSystem Provider, ProviderStatement Statement)>(statements + 4);
        while (planned.Count < statements)
        {
            var person = population.People[random.Next(population.People.Count)];
            var holders = population.Providers.ToArray();
            random.Shuffle(holders);
            var (sender, recipient, third) = (holders[0], holders[1], holders[2]);
            planned.AddRange(StatementRound.Plan(sender, recipient, third, person.Handles, now));
        }

        // Both cores, while nothing else runs.
        var signed = new SignedStatement[planned.Count];
        Parallel.For(0, planned.Count, i => signed[i] = planned[i].Provider.Sign(planned[i].Statement));

        return [.. population.Providers.Select(provider => new ProviderChunks(
            provider,
            [.. Enumerable.Range(0, planned.Count).Where(i => planned[i].Provider == provider).Select(i => signed[i]).Chunk(ChunkSize)]))];
    }
}
