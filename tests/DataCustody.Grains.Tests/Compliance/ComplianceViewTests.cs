using DataCustody.Grains.Compliance;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Tests.Custody;
using DataCustody.Storage;

namespace DataCustody.Grains.Tests.Compliance;

/// <summary>
/// The regulator's views over one small custody graph: a shop passes a person's name to a delivery
/// company with consent and to a cloud host without, a backup firm reports a receipt the cloud host
/// never reported sending, the consent is revoked and two holders miss the deletion deadline.
/// </summary>
public sealed class ComplianceViewTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    private const string Name = "user.name";
    private const string Service = "essential.service";

    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_view_lists_exactly_the_problems_and_records_of_the_log(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        var compliance = cluster.Grains.GetGrain<IComplianceGrain>(0);
        var start = cluster.Clock.GetUtcNow();
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        using var delivery = await new ProviderActor(cluster, "delivery.example").JoinAsync("JP", level: 2);
        using var cloud = await new ProviderActor(cluster, "cloud.example").JoinAsync("JP", level: 4);
        using var backup = await new ProviderActor(cluster, "backup.example").JoinAsync("SG", level: 3);
        var terms = await shop.DeclareTermsAsync("Processing contract", deletionDays: 14);
        var alice = cluster.Person("alice");
        var consent = await alice.GrantConsent(shop.Id, new ConsentTerms(
            [Name], [Service], new OnwardTransfer(true, [delivery.Id], null, []), 365, start.AddYears(1)));
        var handle = consent.Handle;
        await shop.CollectAsync(handle, [Name], [Service], consentId: consent.ConsentId);

        var toDelivery = await shop.TransferAsync(handle, delivery.Id, [Name], [Service], terms, consentId: consent.ConsentId);
        var receipt = await delivery.ReceiveAsync(toDelivery.RecipientHandle!, shop.Id, toDelivery.StatementId, [Name]);
        var toCloud = await shop.TransferAsync(handle, cloud.Id, [Name], [Service], terms);
        var ghost = await backup.ReceiveAsync(await alice.GetHandle(backup.Id), cloud.Id, "cloud-transfer-never-reported", [Name]);
        // The broker records times to the millisecond.
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(cluster.Clock.GetUtcNow().ToUnixTimeMilliseconds());

        // Unconsented transfers: only the one to the cloud host, which no consent names.
        var unconsented = Assert.Single((await compliance.GetUnconsentedTransfers(null, 10)).Items);
        Assert.Equal((toCloud.Index!.Value, shop.Id, handle, cloud.Id, toCloud.RecipientHandle, toCloud.StatementId, sentAt),
            (unconsented.EntryIndex, unconsented.Sender, unconsented.SenderHandle, unconsented.Recipient, unconsented.RecipientHandle, unconsented.TransferId, unconsented.TransferredAt));
        Assert.Equal([Name], unconsented.Categories);
        Assert.Equal([Service], unconsented.Purposes);
        Assert.Contains(cloud.Id, unconsented.Detail, StringComparison.Ordinal);

        // Unconfirmed hops: the cloud host never confirmed, the backup firm's sender never reported.
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        var unconfirmed = await compliance.GetUnconfirmedHops(null, 10);
        Assert.Null(unconfirmed.Next);
        Assert.Equal(
            [(toCloud.Index.Value, HopSide.Sender, shop.Id, cloud.Id, toCloud.StatementId), (ghost.Index!.Value, HopSide.Recipient, cloud.Id, backup.Id, "cloud-transfer-never-reported")],
            unconfirmed.Items.Select(h => (h.EntryIndex, h.ReportedBy, h.Sender, h.Recipient, h.TransferId)));
        Assert.All(unconfirmed.Items, h => Assert.Equal(cluster.Clock.GetUtcNow() - sentAt, h.Age));

        // Pages of one: two full pages, then an empty last page.
        var first = await compliance.GetUnconfirmedHops(null, 1);
        var second = await compliance.GetUnconfirmedHops(first.Next, 1);
        var third = await compliance.GetUnconfirmedHops(second.Next, 1);
        Assert.Equal(unconfirmed.Items.Select(h => h.HopId), first.Items.Concat(second.Items).Select(h => h.HopId));
        Assert.Empty(third.Items);
        Assert.Null(third.Next);

        // APPI article 29: what the shop provided, with each recipient's registration.
        var provisions = (await compliance.GetProvisionRecords(shop.Id, start, sentAt.AddMilliseconds(1), null, 10)).Items;
        Assert.Equal(
            [(toDelivery.Index!.Value, delivery.Id, $"{delivery.Id} Ltd.", $"privacy@{delivery.Id}", true), (toCloud.Index.Value, cloud.Id, $"{cloud.Id} Ltd.", $"privacy@{cloud.Id}", false)],
            provisions.Select(p => (p.EntryIndex, p.Recipient.ProviderId, p.Recipient.Registration.Name, p.Recipient.Registration.Contact, p.RecipientConfirmed)));
        Assert.All(provisions, p => Assert.Equal((handle, Name, "consent", sentAt), (p.Handle, Assert.Single(p.Categories), p.LegalBasis, p.ProvidedAt)));
        Assert.Equal([consent.ConsentId, null], provisions.Select(p => p.ConsentId));
        Assert.Empty((await compliance.GetProvisionRecords(shop.Id, start.AddYears(-1), start, null, 10)).Items);

        // APPI article 30: what the delivery company and the backup firm confirmed receiving.
        var delivered = Assert.Single((await compliance.GetReceiptRecords(delivery.Id, start, sentAt.AddMilliseconds(1), null, 10)).Items);
        Assert.Equal((receipt.Index!.Value, shop.Id, $"{shop.Id} Ltd.", toDelivery.RecipientHandle, true),
            (delivered.EntryIndex, delivered.Sender.ProviderId, delivered.Sender.Registration.Name, delivered.Handle, delivered.SenderConfirmed));
        Assert.Equal($"from {shop.Id}, which collected it from the person with consent", delivered.ObtainedVia);
        var backedUp = Assert.Single((await compliance.GetReceiptRecords(backup.Id, start, sentAt.AddMilliseconds(1), null, 10)).Items);
        Assert.Equal((ghost.Index.Value, cloud.Id, false), (backedUp.EntryIndex, backedUp.Sender.ProviderId, backedUp.SenderConfirmed));

        // Overdue deletions: the consent goes, the delivery company deletes in time, the shop and the cloud host do not.
        await alice.RevokeConsent(consent.ConsentId);
        var obligations = await alice.GetObligations();
        await delivery.DeleteAsync(toDelivery.RecipientHandle!, [Name], obligations.Single(o => o.Holder == delivery.Id).ObligationId);
        Assert.Empty((await compliance.GetOverdueDeletions(null, 10)).Items);
        cluster.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await cluster.Grains.GetGrain<IDeadlineSweeperGrain>(0).Sweep());
        var overdue = await compliance.GetOverdueDeletions(null, 10);
        Assert.Equal(
            obligations.Where(o => o.Holder != delivery.Id).OrderBy(o => o.DueAt).ThenBy(o => o.DueIndex).Select(o => o.ObligationId),
            overdue.Items.Select(o => o.ObligationId));
        Assert.All(overdue.Items, o => Assert.Equal(ObligationStatus.Overdue, o.Status));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Expired_certifications_are_judged_on_the_current_profile_and_the_broker_s_today(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        var compliance = cluster.Grains.GetGrain<IComplianceGrain>(0);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        using var cloud = await new ProviderActor(cluster, "cloud.example").JoinAsync("JP", level: 4);
        using var backup = await new ProviderActor(cluster, "backup.example").JoinAsync("SG", level: 3);
        var today = DateOnly.FromDateTime(cluster.Clock.GetUtcNow().UtcDateTime);
        var lapsedMark = new Certification(CertificationScheme.PrivacyMark, "10823456(05)", today.AddDays(-1));
        var validIsms = new Certification(CertificationScheme.Iso27001, "IS 123456", today.AddDays(10));
        // The shop's lapsed certification is replaced by a later profile; the cloud host's stays current.
        await DeclareAsync(shop, 3, lapsedMark);
        await DeclareAsync(shop, 3, validIsms);
        var cloudProfile = await DeclareAsync(cloud, 4, lapsedMark, validIsms);
        await DeclareAsync(backup, 3, validIsms);

        var expired = Assert.Single((await compliance.GetExpiredCertifications(null, 10)).Items);
        Assert.Equal((cloud.Id, $"{cloud.Id} Ltd.", 2L, 4, cloudProfile.Index!.Value), (expired.Provider.ProviderId, expired.Provider.Registration.Name, expired.ProfileVersion, expired.Level, expired.EntryIndex));
        Assert.Equal([lapsedMark], expired.Certifications);

        // Eleven days on, every ISMS certificate has lapsed too: pages of one walk the holders in registration order.
        cluster.Clock.Advance(TimeSpan.FromDays(11));
        var first = await compliance.GetExpiredCertifications(null, 1);
        var second = await compliance.GetExpiredCertifications(first.Next, 1);
        var third = await compliance.GetExpiredCertifications(second.Next, 1);
        var fourth = await compliance.GetExpiredCertifications(third.Next, 1);
        Assert.Equal([shop.Id, cloud.Id, backup.Id], new[] { first, second, third }.Select(p => Assert.Single(p.Items).Provider.ProviderId));
        Assert.Equal([lapsedMark, validIsms], second.Items[0].Certifications);
        Assert.Empty(fourth.Items);
        Assert.Null(fourth.Next);
    }

    private static Task<StatementOutcome> DeclareAsync(ProviderActor actor, int level, params Certification[] certifications) =>
        actor.SubmitAsync(new ProfileDeclared(actor.NextId(), actor.Now, actor.Id, level, true, true, true, true, [.. certifications], ["JP"], 365, []));
}
