using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// The custody story with a breach at the cloud host: the shop stores its customers' data at the cloud
/// host, which backs some of it up at an overseas data centre; the cloud host's storage is exposed for a
/// week. The report names the people, categories, the shop upstream, the data centre downstream, the
/// protection levels and the terms; copies deleted before the week or made after it do not count.
/// </summary>
public sealed class BreachStoryTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_breach_at_the_cloud_host_reaches_the_right_people_through_the_right_chain(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        using var cloud = await new ProviderActor(cluster, "cloud.example").JoinAsync("JP", level: 2);
        using var backup = await new ProviderActor(cluster, "backup.example").JoinAsync("DE", level: 3);
        var hostingTerms = await shop.DeclareTermsAsync("Hosting contract", deletionDays: 30);
        var backupTerms = await cloud.DeclareTermsAsync("Backup subcontract", deletionDays: 7);

        // alice: name, email and health data go to the cloud host, and the email on to the data centre.
        var alice = await StoreAtCloudAsync(cluster, "alice", shop, cloud, hostingTerms, ["user.name", "user.contact.email", "user.health_and_medical"]);
        var toBackup = await cloud.TransferAsync(alice.CloudHandle, backup.Id, ["user.contact.email"], ["functional.storage"], backupTerms, LegalBasis.Contract);
        await backup.ReceiveAsync(toBackup.RecipientHandle!, cloud.Id, toBackup.StatementId, ["user.contact.email"]);
        // bob: only his name reaches the cloud host.
        var bob = await StoreAtCloudAsync(cluster, "bob", shop, cloud, hostingTerms, ["user.name"]);
        // dave: the cloud host deletes his data before the breach.
        var dave = await StoreAtCloudAsync(cluster, "dave", shop, cloud, hostingTerms, ["user.name"]);
        await cloud.DeleteAsync(dave.CloudHandle, ["user.name"]);
        // carol: the shop keeps her data to itself.
        var carolHandle = await cluster.Person("carol").GetHandle(shop.Id);
        await shop.CollectAsync(carolHandle, ["user.name"], ["essential.service"], LegalBasis.Contract);

        cluster.Clock.Advance(TimeSpan.FromDays(1));
        var windowFrom = cluster.Clock.GetUtcNow();
        cluster.Clock.Advance(TimeSpan.FromDays(7));
        var windowUntil = cluster.Clock.GetUtcNow();
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        // erin: her data reaches the cloud host only after the exposure ended.
        await StoreAtCloudAsync(cluster, "erin", shop, cloud, hostingTerms, ["user.name"]);

        var reported = await cloud.SubmitAsync(new BreachReported(cloud.NextId(), cloud.Now, cloud.Id, "br_cloudbucket2026", Details(windowFrom, windowUntil, cloud.Now)));
        Assert.Equal(StatementResult.Recorded, reported.Result);
        var breach = cluster.Grains.GetGrain<IBreachGrain>("br_cloudbucket2026");
        var view = await breach.Assess();

        var report = view.Assessment!.Assessment;
        var figures = report.Figures;
        Assert.Equal(2, figures.People);
        Assert.Equal(1, figures.SensitivePeople);
        Assert.Equal(0, figures.DirectPeople);
        Assert.Equal(
            [("user.name", false, 2), ("user.contact.email", false, 1), ("user.health_and_medical", true, 1)],
            figures.ByCategory.Select(c => (c.Category, c.Sensitive, c.People)));
        Assert.Equal([new LevelCount(2, 2)], figures.ByLevel);
        Assert.Equal([new TermsCount(hostingTerms, 2)], figures.ByTerms);
        Assert.Equal([new ProviderCount(shop.Id, hostingTerms, 2)], figures.Upstream);
        Assert.Equal([new ProviderCount(backup.Id, backupTerms, 1)], figures.Downstream);
        Assert.Equal(["DE", "JP"], figures.Jurisdictions);
        // Special-care data of a Japanese holder, and a data centre in the EEA.
        Assert.True(report.Appi.Reportable);
        Assert.True(report.Gdpr.Reportable);
        Assert.Equal(["appi preliminary", "appi final", "gdpr authority"], report.Deadlines.Select(d => $"{d.Law} {d.Report}"));
        Assert.Equal(2, report.Notified);

        // One calm message each to alice and bob, naming the holder, their data and the shop it came from.
        var message = Assert.Single(await cluster.Person("alice").GetInbox(), m => m.Kind == "breach");
        Assert.Contains("user.health_and_medical", message.Body, StringComparison.Ordinal);
        Assert.Contains("shop.example Ltd. passed it on", message.Body, StringComparison.Ordinal);
        Assert.Contains("backup.example Ltd.", message.Body, StringComparison.Ordinal);
        Assert.Contains("protection level 2 of 4", message.Body, StringComparison.Ordinal);
        Assert.Equal(view.Assessment.EntryIndex, message.EntryIndex);
        Assert.Single(await cluster.Person("bob").GetInbox(), m => m.Kind == "breach");
        foreach (var untouched in new[] { "carol", "dave", "erin" })
        {
            Assert.DoesNotContain(await cluster.Person(untouched).GetInbox(), m => m.Kind == "breach");
        }

        // Each holder gets the handles it knows the affected people by: the cloud host, the shop upstream and the data
        // centre downstream, with the categories involved.
        string[] expected =
        [
            $"{backup.Id} downstream {toBackup.RecipientHandle} user.contact.email",
            $"{cloud.Id} breached {alice.CloudHandle} user.contact.email user.health_and_medical user.name",
            $"{cloud.Id} breached {bob.CloudHandle} user.name",
            $"{shop.Id} upstream {alice.ShopHandle} user.contact.email user.health_and_medical user.name",
            $"{shop.Id} upstream {bob.ShopHandle} user.name",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), await AffectedHandlesAsync(cluster, view.Assessment.EntryIndex));

        // The shop must review what it passed on; assessing again tells nobody twice and asks no second review.
        var review = Assert.Single(await Reviews(cluster).ReviewsOfAsync(shop.Id));
        Assert.Equal((2L, cloud.Id), (review.People, review.BreachedHolder));
        var reassessed = await breach.Assess();
        Assert.Single(await cluster.Person("alice").GetInbox(), m => m.Kind == "breach");
        Assert.Single(await Reviews(cluster).ReviewsOfAsync(shop.Id));
        Assert.Equal(expected.Order(StringComparer.Ordinal), await AffectedHandlesAsync(cluster, reassessed.Assessment!.EntryIndex));

        // The shop answers its review, once; the data centre was not asked, and an unknown breach has no reviews.
        var answered = await shop.ReviewBreachAsync("br_cloudbucket2026", review.ObligationId);
        Assert.Equal(StatementResult.Recorded, answered.Result);
        var reviewed = Assert.Single(await Reviews(cluster).ReviewsOfAsync(shop.Id));
        Assert.Equal((answered.Index, cloud.Now.ToUnixTimeMilliseconds()), (reviewed.ReviewedIndex, reviewed.ReviewedAtMs));
        Assert.Contains((await breach.Get())!.History, e => e.Type == StatementTypes.BreachReviewed && e.EntryIndex == answered.Index);
        await cluster.RestartAsync();
        var again = await shop.ReviewBreachAsync("br_cloudbucket2026", review.ObligationId);
        Assert.Equal((StatementResult.Rejected, "obligationId"), (again.Result, again.Field));
        var unasked = await backup.ReviewBreachAsync("br_cloudbucket2026", review.ObligationId);
        Assert.Equal((StatementResult.Rejected, "obligationId"), (unasked.Result, unasked.Field));
        var unknown = await shop.ReviewBreachAsync("br_nosuchbreach2026", review.ObligationId);
        Assert.Equal((StatementResult.Rejected, "breachId"), (unknown.Result, unknown.Field));
        Assert.Equal(answered.Index, Assert.Single(await Reviews(cluster).ReviewsOfAsync(shop.Id)).ReviewedIndex);
    }

    private static BreachQueries Reviews(CustodyCluster cluster) => cluster.Services.GetRequiredService<BreachQueries>();

    /// <summary>The stored affected handles as "holder role handle categories", after checking they are of the assessment at <paramref name="assessmentIndex"/>.</summary>
    private static async Task<IEnumerable<string>> AffectedHandlesAsync(CustodyCluster cluster, long assessmentIndex)
    {
        var stored = (await cluster.Services.GetRequiredService<BreachNotificationStore>().AffectedHandlesAsync("br_cloudbucket2026"))!.Value;
        Assert.Equal(assessmentIndex, stored.AssessmentIndex);
        return stored.Handles.Select(h => $"{h.Holder} {h.Role} {h.Handle} {h.Categories}");
    }

    /// <summary>An exposed storage bucket at the cloud host, involving every category it held.</summary>
    internal static BreachDetails Details(DateTimeOffset from, DateTimeOffset until, DateTimeOffset discovered) => new(
        "A storage bucket of the cloud host was readable from the internet.", from, until, [],
        "A misconfigured access policy.", discovered, "An external researcher told us.", "high", 4, "The bucket was closed.",
        "security@cloud.example", WrongfulPurpose: false, FinancialLossRisk: false, null, null, null, null);

    private static async Task<(string ShopHandle, string CloudHandle)> StoreAtCloudAsync(
        CustodyCluster cluster, string person, ProviderActor shop, ProviderActor cloud, string terms, string[] categories)
    {
        var handle = await cluster.Person(person).GetHandle(shop.Id);
        await shop.CollectAsync(handle, categories, ["essential.service"], LegalBasis.Contract);
        var transfer = await shop.TransferAsync(handle, cloud.Id, categories, ["functional.storage"], terms, LegalBasis.Contract);
        await cloud.ReceiveAsync(transfer.RecipientHandle!, shop.Id, transfer.StatementId, categories);
        return (handle, transfer.RecipientHandle!);
    }
}
