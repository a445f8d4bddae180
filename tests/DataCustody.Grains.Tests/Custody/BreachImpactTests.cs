using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Breaches;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// Breach impact against a brute-force count over the statements the test itself made: random custody
/// graphs (collections, transfers, deletions, profile changes, time passing), random holders, windows and
/// categories. Copies deleted before a window or made after it must not count.
/// </summary>
public sealed class BreachImpactTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    private static readonly string[] Categories = ["user.name", "user.contact.email", "user.contact.address", "user.health_and_medical", "user.financial.bank_account"];
    private static readonly string[][] Involved = [[], ["user.contact"], ["user.name"], ["user.health_and_medical", "user.financial"], ["user.contact.address"]];

    public static TheoryData<StorageProvider, int> Graphs => new()
    {
        { StorageProvider.Sqlite, 1 },
        { StorageProvider.Sqlite, 2 },
        { StorageProvider.Postgres, 3 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public async Task Impact_equals_a_brute_force_count_over_the_statements(StorageProvider provider, int seed)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        var random = new Random(seed);
        var providers = new List<ProviderActor>();
        var world = new World();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var level = 1 + random.Next(4);
                providers.Add(await new ProviderActor(cluster, $"p{i}.example").JoinAsync(i % 2 == 0 ? "JP" : "DE", level));
                world.Levels[$"p{i}.example"] = level;
            }
            var terms = new Dictionary<string, string>();
            foreach (var p in providers)
            {
                terms[p.Id] = await p.DeclareTermsAsync($"Terms of {p.Id}", deletionDays: 30);
            }

            for (var step = 0; step < 160; step++)
            {
                cluster.Clock.Advance(TimeSpan.FromMinutes(1 + random.Next(120)));
                var now = cluster.Clock.GetUtcNow();
                var actor = providers[random.Next(providers.Count)];
                var person = $"person{random.Next(12)}";
                var handle = await cluster.Person(person).GetHandle(actor.Id);
                var held = world.HeldNow(actor.Id, handle);
                switch (random.Next(10))
                {
                    case < 4:
                        var collected = Pick(random, Categories);
                        Assert.Equal(StatementResult.Recorded, (await actor.CollectAsync(handle, collected, ["essential.service"], LegalBasis.Contract)).Result);
                        world.Acquire(actor.Id, handle, collected, now, source: null, sourceHandle: null, terms: null);
                        break;
                    case < 7 when held.Count > 0:
                        var recipient = providers.Where(p => p != actor).ElementAt(random.Next(providers.Count - 1));
                        var passed = Pick(random, [.. held]);
                        var transfer = await actor.TransferAsync(handle, recipient.Id, passed, ["essential.service"], terms[actor.Id], LegalBasis.Contract);
                        Assert.Equal(StatementResult.Recorded, transfer.Result);
                        world.Acquire(recipient.Id, transfer.RecipientHandle!, passed, now, actor.Id, handle, terms[actor.Id]);
                        world.Transfers.Add(new Transfer(actor.Id, handle, recipient.Id, passed, terms[actor.Id], now));
                        if (random.Next(4) > 0)
                        {
                            await recipient.ReceiveAsync(transfer.RecipientHandle!, actor.Id, transfer.StatementId, passed);
                        }
                        break;
                    case < 9 when held.Count > 0:
                        var deleted = Pick(random, [.. held]);
                        await actor.DeleteAsync(handle, deleted);
                        world.Release(actor.Id, handle, deleted, now);
                        break;
                    case 9:
                        var level = 1 + random.Next(4);
                        await actor.DeclareProfileAsync(level, ["JP"]);
                        world.Levels[actor.Id] = level;
                        break;
                }
            }

            var start = world.Copies.Min(c => c.From);
            var end = cluster.Clock.GetUtcNow();
            for (var breach = 0; breach < 12; breach++)
            {
                var holder = providers[random.Next(providers.Count)].Id;
                var a = start + (end - start) * random.NextDouble();
                var b = a + (end - a) * random.NextDouble() * 0.5;
                var involved = Involved[random.Next(Involved.Length)];
                var details = new BreachDetails("Exposed.", a, b, [.. involved], "Cause.", end, "Found.", "medium", 1, "Closed.", "c@x.example", false, false, null, null, null, null);
                var id = $"br_random{seed}x{breach:00}";
                await cluster.Grains.GetGrain<IBreachGrain>(id).File(holder, details);

                var figures = (await cluster.Grains.GetGrain<IBreachGrain>(id).PreviewImpact()).Figures;

                var expected = world.Impact(holder, a, b, involved);
                var because = $"breach {breach} at {holder} from {a:O} to {b:O} of [{string.Join(",", involved)}]";
                Assert.True(expected.People == figures.People, $"{because}: {figures.People} people, brute force {expected.People}");
                Assert.Equal(expected.Direct, figures.DirectPeople);
                Assert.Equal(expected.Sensitive, figures.SensitivePeople);
                Assert.Equal(expected.ByCategory, figures.ByCategory.Select(c => (c.Category, c.People)).Order());
                Assert.Equal(expected.ByLevel, figures.ByLevel.Select(l => (l.Level, l.People)).Order());
                Assert.Equal(expected.Upstream, figures.Upstream.Select(u => (u.Provider, u.People)).Order());
                Assert.Equal(expected.Downstream, figures.Downstream.Select(d => (d.Provider, d.People)).Order());

                // The full report names each person and, for copies that came by a hop, the source's handle.
                var affected = (await cluster.Services.GetRequiredService<BreachImpactCalculator>().ComputeAsync(holder, details, withPeople: true)).People;
                Assert.All(affected, person => Assert.NotNull(person.PersonId));
                Assert.Equal(
                    expected.Copies,
                    affected.SelectMany(p => p.Copies.Select(c => (p.Handle, c.Category, c.SourceHolder, c.SourceHandle))).Distinct().Order());
            }
        }
        finally
        {
            providers.ForEach(p => p.Dispose());
        }
    }

    private static string[] Pick(Random random, string[] from)
    {
        var picked = from.Where(_ => random.Next(2) == 0).ToArray();
        return picked.Length > 0 ? picked : [from[random.Next(from.Length)]];
    }

    private sealed record Copy(string Holder, string Handle, string Category, DateTimeOffset From, int Level, string? Source, string? SourceHandle, string? Terms)
    {
        public DateTimeOffset? Until { get; set; }
    }

    private sealed record Transfer(string Sender, string SenderHandle, string Recipient, string[] Categories, string Terms, DateTimeOffset At);

    private sealed record Expected(
        int People, int Direct, int Sensitive,
        IEnumerable<(string, int)> ByCategory, IEnumerable<(int, int)> ByLevel, IEnumerable<(string, int)> Upstream, IEnumerable<(string, int)> Downstream,
        IEnumerable<(string Handle, string Category, string? Source, string? SourceHandle)> Copies);

    /// <summary>What the statements say, kept by the test: every copy with its interval, every transfer.</summary>
    private sealed class World
    {
        public List<Copy> Copies { get; } = [];

        public List<Transfer> Transfers { get; } = [];

        public Dictionary<string, int> Levels { get; } = [];

        public List<string> HeldNow(string holder, string handle) =>
            [.. Copies.Where(c => c.Holder == holder && c.Handle == handle && c.Until is null).Select(c => c.Category).Distinct()];

        public void Acquire(string holder, string handle, string[] categories, DateTimeOffset at, string? source, string? sourceHandle, string? terms)
        {
            foreach (var category in categories)
            {
                Copies.Add(new Copy(holder, handle, category, at, Levels[holder], source, sourceHandle, terms));
            }
        }

        public void Release(string holder, string handle, string[] categories, DateTimeOffset at)
        {
            foreach (var copy in Copies.Where(c => c.Holder == holder && c.Handle == handle && categories.Contains(c.Category) && c.Until is null))
            {
                copy.Until = at;
            }
        }

        public Expected Impact(string holder, DateTimeOffset from, DateTimeOffset until, string[] involved)
        {
            bool Involves(string category) => involved.Length == 0 || involved.Any(i => FideslangTaxonomy.Covers(i, category) || FideslangTaxonomy.Covers(category, i));
            // Broker times are kept to the millisecond.
            var a = from.ToUnixTimeMilliseconds();
            var b = until.ToUnixTimeMilliseconds();
            var copies = Copies.Where(c => c.Holder == holder && Involves(c.Category)
                && c.From.ToUnixTimeMilliseconds() <= b && (c.Until is null || c.Until.Value.ToUnixTimeMilliseconds() >= a)).ToList();
            var people = copies.Select(c => c.Handle).ToHashSet();
            var downstream = Transfers
                .Where(t => t.Sender == holder && people.Contains(t.SenderHandle) && t.At.ToUnixTimeMilliseconds() <= b && t.Categories.Any(Involves))
                .GroupBy(t => t.Recipient).Select(g => (g.Key, g.Select(t => t.SenderHandle).Distinct().Count()));
            return new Expected(
                people.Count,
                copies.Where(c => c.Source is null).Select(c => c.Handle).Distinct().Count(),
                copies.Where(c => c.Category is "user.health_and_medical").Select(c => c.Handle).Distinct().Count(),
                copies.GroupBy(c => c.Category).Select(g => (g.Key, g.Select(c => c.Handle).Distinct().Count())).Order(),
                copies.GroupBy(c => c.Level).Select(g => (g.Key, g.Select(c => c.Handle).Distinct().Count())).Order(),
                copies.Where(c => c.Source is not null).GroupBy(c => c.Source!).Select(g => (g.Key, g.Select(c => c.Handle).Distinct().Count())).Order(),
                downstream.Order(),
                copies.Select(c => (c.Handle, c.Category, c.Source, c.SourceHandle)).Distinct().Order());
        }
    }
}
