using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Jws;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// The projections hold nothing the log does not: replayed from the log alone into a fresh
/// database, they equal the live tables after a long randomized life of providers and people.
/// </summary>
public sealed class RebuildTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rebuild_from_the_log_equals_the_live_projections_after_a_long_random_scenario(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using (var scenario = new RandomCustody(cluster, new Random(20090000 + (int)provider)))
        {
            await scenario.RunAsync();
        }

        var log = cluster.Services.GetRequiredService<LedgerStore>();
        var target = new Database(SqlDialect.For(provider), await databases.CreateDatabaseAsync(provider));
        var replayed = await ProjectionRebuild.RebuildAsync(log, target, CancellationToken.None);

        Assert.Equal(await log.ReadSizeAsync(), replayed);
        Assert.True(replayed > 400, $"The scenario logged only {replayed} entries.");
        var live = await ProjectionSnapshot.ReadAsync(cluster.Services.GetRequiredService<Database>(), CancellationToken.None);
        Assert.Empty(live.Differences(await ProjectionSnapshot.ReadAsync(target, CancellationToken.None)));
        Assert.All(new[] { "hops", "holdings", "obligations", "violations", "consents", "breach_entries", "breach_reviews" }, table => Assert.True(live.RowCount(table) > 0, $"{table} is empty."));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_target_that_is_not_fresh_is_refused(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        var log = cluster.Services.GetRequiredService<LedgerStore>();

        var own = await Assert.ThrowsAsync<InvalidOperationException>(() => ProjectionRebuild.RebuildAsync(log, log.Database, CancellationToken.None));
        Assert.Contains("holds a log of 3 entries", own.Message, StringComparison.Ordinal);

        var target = new Database(SqlDialect.For(provider), await databases.CreateDatabaseAsync(provider));
        Assert.Equal(3, await ProjectionRebuild.RebuildAsync(log, target, CancellationToken.None));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => ProjectionRebuild.RebuildAsync(log, target, CancellationToken.None));
        Assert.Contains("providers (1 rows)", again.Message, StringComparison.Ordinal);
        // The refused second rebuild added nothing.
        var live = await ProjectionSnapshot.ReadAsync(log.Database, CancellationToken.None);
        Assert.Empty(live.Differences(await ProjectionSnapshot.ReadAsync(target, CancellationToken.None)));
    }

    /// <summary>
    /// Six providers and 32 people doing, at random but from a fixed seed, everything the custody
    /// grains accept, through the grains, across a restart, while the clock moves past deadlines.
    /// </summary>
    private sealed class RandomCustody(CustodyCluster cluster, Random random) : IDisposable
    {
        private static readonly string[] Categories =
        [
            "user.name", "user.contact.address", "user.contact.email", "user.contact.phone_number",
            "user.financial", "user.behavior.purchase_history", "user.health_and_medical", "user.demographic.date_of_birth",
        ];

        private static readonly string[] Purposes = ["essential.service", "marketing.communications", "functional.storage", "analytics.reporting"];

        private readonly List<Party> _parties = [];
        // Ids rather than grain references, which do not outlive a restart of the cluster.
        private readonly string[] _people = [.. Enumerable.Range(0, 32).Select(i => $"person-{i:D2}")];
        private SubmittedStatement? _repeatable;

        private Party Shop => _parties[0];

        private Party Clinic => _parties[1];

        private Party Delivery => _parties[2];

        private Party Cloud => _parties[3];

        private Party Backup => _parties[4];

        private Party Ads => _parties[5];

        private DateTimeOffset Now => cluster.Clock.GetUtcNow();

        public void Dispose()
        {
            foreach (var party in _parties)
            {
                party.Dispose();
            }
        }

        public async Task RunAsync()
        {
            foreach (var (id, jurisdiction, level) in new[] { ("shop.example", "JP", 3), ("clinic.example", "JP", 4), ("delivery.example", "JP", 2), ("cloud.example", "JP", 4), ("backup.example", "SG", 3), ("ads.example", "US", 1) })
            {
                _parties.Add(new Party(await new ProviderActor(cluster, id).JoinAsync(jurisdiction, level)));
            }
            await Shop.DeclareTermsAsync("Delivery contract", 14);
            await Shop.DeclareTermsAsync("Hosting contract", 30);
            await Clinic.DeclareTermsAsync("Lab contract", 7);
            await Clinic.DeclareTermsAsync("Clinic hosting contract", 30);
            await Cloud.DeclareTermsAsync("Backup subcontract", 7);

            for (var i = 0; i < _people.Length; i++)
            {
                if (i == 12)
                {
                    // Later hops record the new profile versions.
                    Expect(StatementResult.Recorded, await Cloud.Actor.DeclareProfileAsync(3, ["JP", "SG"]));
                    Expect(StatementResult.Recorded, await Delivery.Actor.DeclareProfileAsync(3, ["JP"]));
                }
                if (i == 20)
                {
                    await RotateClinicKeyAsync(cluster.Person(_people[0]));
                }
                if (i == 26)
                {
                    // The rest runs on grains that loaded their state from the projections.
                    await cluster.RestartAsync();
                }
                await LiveAsync(cluster.Person(_people[i]));
            }
            await RepeatAsync();
            await BreachAtCloudAsync();

            foreach (var person in _people.Select(cluster.Person))
            {
                await RevokeSomeAsync(person, 0.4);
                await AnswerSomeAsync(person, ObligationStatus.Due);
            }
            await SweepAfterAsync(TimeSpan.FromDays(10));
            foreach (var person in _people.Select(cluster.Person))
            {
                // Late answers to overdue obligations, and more revocations with deadlines to miss.
                await AnswerSomeAsync(person, ObligationStatus.Overdue);
                await RevokeSomeAsync(person, 0.3);
            }
            await SweepAfterAsync(TimeSpan.FromDays(40));
        }

        /// <summary>One person's dealings with a collector and whoever the collector passes the data to.</summary>
        private async Task LiveAsync(ICitizenGrain person)
        {
            var collector = random.Next(2) == 0 ? Shop : Clinic;
            var terms = RandomTerms(collector);
            ConsentView? consent = null;
            switch (random.Next(10))
            {
                case < 6:
                    consent = await person.GrantConsent(collector.Id, terms);
                    break;
                case < 9:
                    var request = await collector.Actor.Grain.RequestConsent(await person.GetHandle(collector.Id), terms);
                    switch (random.Next(4))
                    {
                        case < 2:
                            consent = await person.ApproveConsentRequest(request);
                            break;
                        case 2:
                            await person.RejectConsentRequest(request);
                            break;
                        // Otherwise the request stays pending.
                    }
                    break;
                // Otherwise the person never consents.
            }

            var handle = await person.GetHandle(collector.Id);
            var categories = consent is null ? Some(Categories) : [.. terms.Categories];
            var purposes = consent is null ? Some(Purposes) : [.. terms.Purposes];
            var basis = consent is null && random.Next(2) == 0 ? LegalBasis.Contract : LegalBasis.Consent;
            var collected = collector.Sign(new DataCollected(collector.Actor.NextId(), Now, collector.Id, handle, [.. categories], [.. purposes], basis,
                basis == LegalBasis.Consent && random.Next(3) > 0 ? consent?.ConsentId : null));
            Expect(StatementResult.Recorded, await collector.SubmitAsync(collected));
            _repeatable ??= collected;

            for (var transfers = random.Next(1, 4); transfers > 0; transfers--)
            {
                await TransferAsync(person, collector, handle, categories, purposes, consent?.ConsentId, Pick([Delivery, Cloud, Ads]));
            }
            if (random.Next(8) == 0)
            {
                // A receipt of a transfer its sender never reports.
                var recipient = Pick([Delivery, Cloud, Backup]);
                Expect(StatementResult.Recorded, await recipient.SubmitAsync(new DataReceived(
                    recipient.Actor.NextId(), Now, recipient.Id, await person.GetHandle(recipient.Id), collector.Id, collector.Actor.NextId(), [.. Some(categories)], $"from {collector.Id}")));
            }
            if (random.Next(8) == 0)
            {
                // Deleting of its own accord, with no obligation to answer.
                Expect(StatementResult.Recorded, await collector.SubmitAsync(new DataDeleted(collector.Actor.NextId(), Now, collector.Id, handle, [Pick(categories)], null)));
            }
        }

        /// <summary>A transfer, its receipt before, after or never, and the cloud host's onward backup.</summary>
        private async Task TransferAsync(ICitizenGrain person, Party sender, string senderHandle, string[] held, string[] purposes, string? consentId, Party recipient)
        {
            var categories = Some(held);
            if (random.Next(10) == 0)
            {
                categories = [.. categories.Append(Pick(Categories)).Distinct()];
            }
            var terms = random.Next(10) == 0 ? Convert.ToHexStringLower(RandomBytes(32)) : Pick([.. sender.Terms]);
            var basis = random.Next(4) == 0 ? LegalBasis.LegitimateInterest : LegalBasis.Consent;
            var transferId = sender.Actor.NextId();
            var receipt = random.Next(10);
            if (receipt < 3)
            {
                Expect(StatementResult.Recorded, await recipient.SubmitAsync(new DataReceived(
                    recipient.Actor.NextId(), Now, recipient.Id, await person.GetHandle(recipient.Id), sender.Id, transferId, [.. categories], $"from {sender.Id}")));
            }
            var transfer = await sender.SubmitAsync(new DataTransferred(
                transferId, Now, sender.Id, senderHandle, recipient.Id, [.. categories], [.. Some(purposes)], basis,
                basis == LegalBasis.Consent && random.Next(2) == 0 ? consentId : null, terms));
            Expect(StatementResult.Recorded, transfer);
            var recipientHandle = transfer.RecipientHandle!;
            if (receipt is >= 3 and < 9)
            {
                var received = receipt == 8 ? [.. categories.Append("user.demographic.date_of_birth").Distinct()] : categories;
                var receivedStatement = new DataReceived(recipient.Actor.NextId(), Now, recipient.Id, recipientHandle, sender.Id, transferId, [.. received], $"from {sender.Id}");
                Expect(StatementResult.Recorded, await recipient.SubmitAsync(receivedStatement));
                if (random.Next(5) == 0)
                {
                    // A second receipt of the same transfer is refused.
                    Expect(StatementResult.Rejected, await recipient.SubmitAsync(receivedStatement with { Id = recipient.Actor.NextId() }));
                }
            }
            if (recipient == Cloud && random.Next(2) == 0)
            {
                await TransferAsync(person, Cloud, recipientHandle, categories, ["functional.storage"], null, Backup);
            }
        }

        /// <summary>The clinic adds a second key and retires the first: statements issued before still count, later ones need the new key.</summary>
        private async Task RotateClinicKeyAsync(ICitizenGrain person)
        {
            var handle = await person.GetHandle(Clinic.Id);
            // The retirement must come after every statement the old key signed so far.
            cluster.Clock.Advance(TimeSpan.FromSeconds(2));
            var before = Clinic.Sign(new DataCollected(Clinic.Actor.NextId(), Now.AddSeconds(-1), Clinic.Id, handle, ["user.name"], ["essential.service"], LegalBasis.Contract, null));
            await Clinic.RotateKeyAsync();
            Expect(StatementResult.Recorded, (await Clinic.Actor.Grain.Submit([before]))[0]);
            var after = Clinic.Actor.Sign(new DataCollected(Clinic.Actor.NextId(), Now, Clinic.Id, handle, ["user.name"], ["essential.service"], LegalBasis.Contract, null));
            Expect(StatementResult.Rejected, (await Clinic.Actor.Grain.Submit([after]))[0]);
            Expect(StatementResult.Recorded, await Clinic.SubmitAsync(Clinic.Sign(after.Statement with { Id = Clinic.Actor.NextId() })));
        }

        /// <summary>The cloud host reports a breach and the broker assesses it: the shop answers its review, the clinic leaves its own due.</summary>
        private async Task BreachAtCloudAsync()
        {
            const string breachId = "br_cloudrandom2026";
            Expect(StatementResult.Recorded, await Cloud.SubmitAsync(new BreachReported(Cloud.Actor.NextId(), Now, Cloud.Id, breachId, BreachStoryTests.Details(Now.AddDays(-1), Now, Now))));
            await cluster.Grains.GetGrain<IBreachGrain>(breachId).Assess();
            var reviews = cluster.Services.GetRequiredService<BreachQueries>();
            Assert.Single(await reviews.ReviewsOfAsync(Clinic.Id));
            var review = Assert.Single(await reviews.ReviewsOfAsync(Shop.Id));
            Expect(StatementResult.Recorded, await Shop.Actor.ReviewBreachAsync(breachId, review.ObligationId));
        }

        /// <summary>A retried statement is a duplicate; its id with other content is refused.</summary>
        private async Task RepeatAsync()
        {
            var original = _repeatable!;
            var owner = _parties.Single(p => p.Id == original.Statement.Provider);
            Expect(StatementResult.Duplicate, await owner.SubmitAsync(original));
            var changed = (DataCollected)original.Statement;
            Expect(StatementResult.Rejected, await owner.SubmitAsync(owner.Sign(changed with { Purposes = ["analytics.reporting"] })));
        }

        private async Task RevokeSomeAsync(ICitizenGrain person, double share)
        {
            foreach (var consent in await person.GetConsents())
            {
                if (consent.Status == ConsentStatus.Active && consent.Terms.ExpiresAt > Now && random.NextDouble() < share)
                {
                    await person.RevokeConsent(consent.ConsentId);
                }
            }
        }

        /// <summary>Holders answer some obligations: in full, in full without naming it, in part, or not at all.</summary>
        private async Task AnswerSomeAsync(ICitizenGrain person, ObligationStatus status)
        {
            foreach (var id in (await person.GetObligations()).Where(o => o.Status == status).Select(o => o.ObligationId).ToList())
            {
                // An earlier deletion may have answered this one too.
                var obligation = (await person.GetObligations()).Single(o => o.ObligationId == id);
                if (obligation.Status != status)
                {
                    continue;
                }
                var holder = _parties.Single(p => p.Id == obligation.Holder);
                var categories = obligation.Categories.ToArray();
                string? named = obligation.ObligationId;
                switch (random.Next(10))
                {
                    case < 4:
                        break;
                    case < 6:
                        named = null;
                        break;
                    case 6 when categories.Length > 1:
                        categories = categories[1..];
                        break;
                    default:
                        continue;
                }
                Expect(StatementResult.Recorded, await holder.SubmitAsync(new DataDeleted(holder.Actor.NextId(), Now, holder.Id, obligation.Handle, [.. categories], named)));
            }
        }

        private async Task SweepAfterAsync(TimeSpan time)
        {
            cluster.Clock.Advance(time);
            var sweeper = cluster.Grains.GetGrain<IDeadlineSweeperGrain>(0);
            // An expiry's cascade may log obligations that are already due; sweep until nothing is left.
            while (await sweeper.Sweep() > 0)
            {
            }
        }

        private ConsentTerms RandomTerms(Party holder)
        {
            var onward = random.Next(3) switch
            {
                0 => new OnwardTransfer(false, [], null, []),
                1 => new OnwardTransfer(true, [Delivery.Id, Cloud.Id], null, []),
                _ => new OnwardTransfer(true, [], 3, [holder.Terms[1]]),
            };
            var expiresAt = random.Next(3) == 0 ? Now.AddDays(random.Next(3, 20)) : Now.AddYears(1);
            return new ConsentTerms([.. Some(Categories)], [.. Some(Purposes)], onward, 365, expiresAt);
        }

        private string[] Some(string[] items) => [.. items.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(items.Length, 4) + 1))];

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        private static void Expect(StatementResult expected, StatementOutcome outcome) =>
            Assert.True(outcome.Result == expected, $"{outcome.StatementId}: {outcome.Result}, expected {expected} ({outcome.Field}: {outcome.Reason})");
    }

    /// <summary>A provider as the scenario plays it, able to rotate to a key of its own making.</summary>
    private sealed class Party(ProviderActor actor) : IDisposable
    {
        private Key? _rotated;

        public ProviderActor Actor => actor;

        public string Id => actor.Id;

        public List<string> Terms { get; } = [];

        private string Kid => Id + "-key-2";

        public void Dispose()
        {
            _rotated?.Dispose();
            actor.Dispose();
        }

        public async Task DeclareTermsAsync(string title, int deletionDays) => Terms.Add(await actor.DeclareTermsAsync(title, deletionDays));

        public async Task RotateKeyAsync()
        {
            _rotated = Key.Create(SignatureAlgorithm.Ed25519);
            await actor.Grain.AddKey(Kid, _rotated.PublicKey.Export(KeyBlobFormat.RawPublicKey), actor.Now.AddMinutes(-5), null);
            await actor.Grain.RetireKey(actor.Kid, actor.Now);
        }

        /// <summary>Signs with the current key: the actor's until rotated.</summary>
        public SubmittedStatement Sign(ProviderStatement statement)
        {
            if (_rotated is null)
            {
                return actor.Sign(statement);
            }
            var payload = StatementCodec.Serialize(statement);
            return SubmittedStatement.Verified(Kid, CompactJws.Sign(_rotated, Kid, payload), statement, payload);
        }

        public Task<StatementOutcome> SubmitAsync(ProviderStatement statement) => SubmitAsync(Sign(statement));

        public async Task<StatementOutcome> SubmitAsync(SubmittedStatement statement) => (await actor.Grain.Submit([statement]))[0];
    }
}
