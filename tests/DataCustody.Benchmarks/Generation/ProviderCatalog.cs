using DataCustody.Benchmarks.Custody;
using DataCustody.Grains.Statements;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// The generated providers, by rank: the first few are hosts (the largest holders), the rest
/// collect data in one sector each, in several jurisdictions, at protection levels 1 to 4. Some
/// declare a new profile or new terms during the timeline; some profiles claim a certification
/// that expires before the timeline ends.
/// </summary>
internal sealed class ProviderCatalog : IDisposable
{
    /// <summary>How many of the top ranks are hosts.</summary>
    public const int Hosts = 5;

    private static readonly (string Code, double Weight)[] JurisdictionWeights =
        [("JP", 45), ("US", 15), ("SG", 8), ("DE", 8), ("IE", 6), ("FR", 5), ("KR", 5), ("IN", 4), ("AU", 4)];

    private readonly Certification?[] _certifications;

    private ProviderCatalog(IReadOnlyList<BenchmarkProvider> providers, IReadOnlyList<Sector> sectors, Certification?[] certifications, IReadOnlyList<ProviderRevision> revisions)
    {
        Providers = providers;
        Sectors = sectors;
        _certifications = certifications;
        Revisions = revisions;
        Collectors = new ZipfWeights(providers.Count, rank => rank >= Hosts);
        Recipients = new ZipfWeights(providers.Count, _ => true);
    }

    public IReadOnlyList<BenchmarkProvider> Providers { get; }

    /// <summary>The sector of each provider, by rank.</summary>
    public IReadOnlyList<Sector> Sectors { get; }

    /// <summary>Profile and terms changes, by day.</summary>
    public IReadOnlyList<ProviderRevision> Revisions { get; }

    /// <summary>Who collects from people: every provider but the hosts, larger ones more often.</summary>
    public ZipfWeights Collectors { get; }

    /// <summary>Who receives data: any provider, the hosts most often.</summary>
    public ZipfWeights Recipients { get; }

    /// <summary>Plans <paramref name="count"/> providers over <paramref name="timeline"/>.</summary>
    public static ProviderCatalog Create(int count, Timeline timeline, Random random)
    {
        var providers = new List<BenchmarkProvider>(count);
        var sectors = new List<Sector>(count);
        var certifications = new Certification?[count];
        var revisions = new List<ProviderRevision>();
        var end = DateOnly.FromDateTime(timeline.Start.AddDays(Timeline.Days).UtcDateTime);
        for (var rank = 0; rank < count; rank++)
        {
            var host = rank < Hosts;
            var sector = host ? Sector.Cloud : Sector.Collecting[random.Next(Sector.Collecting.Count)];
            var jurisdiction = host && rank == 0 ? "JP" : WeightedChoice.Pick(random, JurisdictionWeights);
            // Large holders protect better on the whole, though not always.
            var level = host ? 3 + random.Next(2) : 1 + random.Next(4);
            var seed = new byte[32];
            random.NextBytes(seed);
            var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
            providers.Add(new BenchmarkProvider($"p{rank:000}-{sector.Name}-{jurisdiction.ToLowerInvariant()}.example", level, jurisdiction, sector.Name, key));
            sectors.Add(sector);

            if (level >= 3)
            {
                // One in five lets its certificate lapse during the timeline and goes on claiming it.
                var validUntil = random.NextDouble() < 0.2
                    ? DateOnly.FromDateTime(timeline.Start.AddDays(20 + random.Next(Timeline.Days - 40)).UtcDateTime)
                    : end.AddYears(1 + random.Next(2));
                var scheme = jurisdiction == "JP" && random.Next(2) == 0 ? CertificationScheme.PrivacyMark : CertificationScheme.Iso27001;
                certifications[rank] = new Certification(scheme, $"CERT-{rank:000}-{random.Next(100_000):00000}", validUntil);
            }

            var newLevel = random.NextDouble() < 0.4 ? Math.Clamp(level + (random.NextDouble() < 0.6 ? 1 : -1), 1, 4) : (int?)null;
            var newTerms = random.NextDouble() < 0.35;
            if (newLevel is not null || newTerms)
            {
                revisions.Add(new ProviderRevision(15 + random.Next(Timeline.Days - 30), rank, newLevel, newTerms));
            }
        }
        return new ProviderCatalog(providers, sectors, certifications, revisions);
    }

    /// <summary>Registers every provider with its key, first profile and first terms, a few at a time.</summary>
    public async Task JoinAsync(IGrainFactory grains, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, Providers.Count), parallel, async (rank, _) =>
        {
            var provider = Providers[rank];
            await provider.RegisterAsync(grains, now);
            await provider.DeclareAsync(grains,
            [
                ProviderDeclarations.Profile(provider, provider.Level, _certifications[rank], now),
                ProviderDeclarations.Terms(provider, 1, now),
            ]);
        });
    }

    /// <summary>Declares the revision: a new profile version keeps the certification claimed so far.</summary>
    public Task ReviseAsync(IGrainFactory grains, ProviderRevision revision, DateTimeOffset now)
    {
        var provider = Providers[revision.Provider];
        var declarations = new List<ProviderStatement>();
        if (revision.Level is { } level)
        {
            declarations.Add(ProviderDeclarations.Profile(provider, level, _certifications[revision.Provider], now));
        }
        if (revision.NewTerms)
        {
            declarations.Add(ProviderDeclarations.Terms(provider, 2, now));
        }
        return provider.DeclareAsync(grains, declarations);
    }

    public void Dispose()
    {
        foreach (var provider in Providers)
        {
            provider.Dispose();
        }
    }
}
