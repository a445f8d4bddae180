using System.Diagnostics;
using System.Globalization;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Sets up the population through the real grains, before anything is measured: providers that
/// join with a profile and terms, people who grant each of a few providers a consent, and those
/// providers reporting, in batches, that they collected the people's data.
/// </summary>
internal static class PopulationSetup
{
    public const int Providers = 20;
    public const int People = 10_000;
    public const int HoldersPerPerson = 3;

    /// <summary>Statements per <c>Submit</c>, as the SDK batches them.</summary>
    public const int StatementsPerSubmit = 100;

    /// <summary>People signing up at once, and batches in flight: enough to keep the ledger's group commit fed.</summary>
    public const int Concurrency = 64;

    // A fixed seed: every run sets up the same people at the same providers.
    private const int Seed = 2009;

    public static async Task<Population> RunAsync(IGrainFactory grains, TextWriter output, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(Seed);
        // Levels 1 to 4, so protection levels differ along hops.
        var providers = Enumerable.Range(0, Providers).Select(i => new BenchmarkProvider($"p{i:00}.bench.example", 1 + (i % 4))).ToList();
        foreach (var provider in providers)
        {
            await provider.JoinAsync(grains, now);
        }

        var started = Stopwatch.GetTimestamp();
        var holders = Enumerable.Range(0, People).Select(_ =>
        {
            var shuffled = providers.ToArray();
            random.Shuffle(shuffled);
            return shuffled.Take(HoldersPerPerson).ToList();
        }).ToList();
        var people = new Population.Person[People];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, People), parallel, async (i, _) =>
        {
            var personId = $"person-{i:00000}";
            var citizen = grains.GetGrain<ICitizenGrain>(personId);
            var handles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var holder in holders[i])
            {
                var consent = await citizen.GrantConsent(holder.Id, ConsentTemplate.For(holders[i].Where(h => h != holder).Select(h => h.Id), now));
                handles[holder.Id] = consent.Handle;
            }
            people[i] = new Population.Person(personId, holders[i], handles);
        });
        var consentSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        var batches = people
            .SelectMany(person => person.Holders.Select(holder => holder.Sign(new DataCollected(
                holder.NextId(), now, holder.Id, person.Handles[holder.Id], [ConsentTemplate.Name, ConsentTemplate.Email], [ConsentTemplate.Purpose], LegalBasis.Consent, null))))
            .GroupBy(statement => statement.Statement.Provider)
            .SelectMany(byProvider => byProvider.Chunk(StatementsPerSubmit).Select(chunk => (Provider: byProvider.Key, Statements: (IReadOnlyList<SubmittedStatement>)chunk)))
            .ToList();
        var tally = new OutcomeTally();
        await Parallel.ForEachAsync(batches, parallel, async (batch, _) =>
            tally.Add(batch.Statements, await grains.GetGrain<IProviderGrain>(batch.Provider).Submit(batch.Statements)));
        if (!tally.AllRecordedClean)
        {
            throw new InvalidOperationException("Setting up the population went wrong: " + tally.Describe());
        }
        var collectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  setup: {Providers} providers; {People} people granted {People * HoldersPerPerson} consents in {consentSeconds:0.0} s; {tally.Recorded} data.collected statements (signed and submitted in batches of {StatementsPerSubmit}) in {collectSeconds:0.0} s"));
        return new Population(providers, people);
    }
}
