using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// The story of the custody-domain issue: a person gives an online shop their name, address and
/// payment data; the shop hands the order data to a delivery company and stores everything at a
/// cloud host, which subcontracts backups to an overseas data centre; the person revokes their
/// marketing consent, every downstream copy gets an obligation, one holder deletes in time and
/// one does not.
/// </summary>
public sealed class CustodyStoryTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_revoked_marketing_consent_reaches_every_downstream_copy(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        using var delivery = await new ProviderActor(cluster, "delivery.example").JoinAsync("JP", level: 2);
        using var cloud = await new ProviderActor(cluster, "cloud.example").JoinAsync("JP", level: 4);
        using var backup = await new ProviderActor(cluster, "backup.example").JoinAsync("SG", level: 3);
        var deliveryTerms = await shop.DeclareTermsAsync("Delivery contract", deletionDays: 14);
        var hostingTerms = await shop.DeclareTermsAsync("Hosting contract", deletionDays: 30);
        var backupTerms = await cloud.DeclareTermsAsync("Backup subcontract", deletionDays: 7);

        var alice = cluster.Person("alice");
        var year = shop.Now.AddYears(1);
        var order = await alice.GrantConsent(shop.Id, new ConsentTerms(
            ["user.name", "user.contact.address", "user.financial"], ["essential.service"],
            new OnwardTransfer(true, [delivery.Id, cloud.Id], null, []), 365, year));
        var marketing = await alice.GrantConsent(shop.Id, new ConsentTerms(
            ["user.name", "user.contact.email"], ["marketing.communications"],
            new OnwardTransfer(true, [], 3, [hostingTerms]), 365, year));
        var handle = order.Handle;

        // The shop collects under both consents.
        Assert.Empty((await shop.CollectAsync(handle, ["user.name", "user.contact.address", "user.financial"], ["essential.service"], consentId: order.ConsentId)).Violations);
        Assert.Empty((await shop.CollectAsync(handle, ["user.contact.email"], ["marketing.communications"], consentId: marketing.ConsentId)).Violations);

        // Order data to the delivery company; the transfer check agrees beforehand.
        var question = new TransferQuestion(shop.Id, handle, delivery.Id, ["user.name", "user.contact.address"], ["essential.service"], deliveryTerms);
        Assert.True((await shop.CheckTransferAsync(question)).Allowed);
        var toDelivery = await shop.TransferAsync(handle, delivery.Id, ["user.name", "user.contact.address"], ["essential.service"], deliveryTerms, consentId: order.ConsentId);
        Assert.Empty(toDelivery.Violations);
        var deliveryHandle = toDelivery.RecipientHandle!;
        Assert.NotEqual(handle, deliveryHandle);
        Assert.Equal(StatementResult.Recorded, (await delivery.ReceiveAsync(deliveryHandle, shop.Id, toDelivery.StatementId, ["user.name", "user.contact.address"])).Result);

        // Everything the marketing consent covers to the cloud host (level 4 meets the minimum 3, under the named terms)...
        var toCloud = await shop.TransferAsync(handle, cloud.Id, ["user.contact.email"], ["marketing.communications"], hostingTerms, consentId: marketing.ConsentId);
        Assert.Empty(toCloud.Violations);
        var cloudHandle = toCloud.RecipientHandle!;
        await cloud.ReceiveAsync(cloudHandle, shop.Id, toCloud.StatementId, ["user.contact.email"]);
        // ...and the order data too, as the order consent names the cloud host.
        var ordersToCloud = await shop.TransferAsync(handle, cloud.Id, ["user.name", "user.contact.address"], ["essential.service"], hostingTerms, consentId: order.ConsentId);
        Assert.Empty(ordersToCloud.Violations);
        await cloud.ReceiveAsync(cloudHandle, shop.Id, ordersToCloud.StatementId, ["user.name", "user.contact.address"]);

        // The cloud host backs the email up overseas under its subcontract.
        var toBackup = await cloud.TransferAsync(cloudHandle, backup.Id, ["user.contact.email"], ["functional.storage"], backupTerms, LegalBasis.Contract);
        Assert.Empty(toBackup.Violations);
        var backupHandle = toBackup.RecipientHandle!;
        await backup.ReceiveAsync(backupHandle, cloud.Id, toBackup.StatementId, ["user.contact.email"]);

        var before = await alice.GetCustodyView();
        Assert.Equal([shop.Id, delivery.Id, cloud.Id, backup.Id], before.Holders.Select(h => h.Holder));
        var backupCopy = Assert.Single(before.Holders.Single(h => h.Holder == backup.Id).Holdings);
        Assert.Equal([shop.Id + ">" + cloud.Id, cloud.Id + ">" + backup.Id], backupCopy.Chain.Select(hop => hop.From + ">" + hop.To));
        Assert.All(backupCopy.Chain, hop => Assert.True(hop.Confirmed));
        Assert.Equal(backupTerms, backupCopy.TermsSha256);
        Assert.Equal([hostingTerms, backupTerms], backupCopy.Chain.Select(hop => hop.TermsSha256));
        Assert.Equal([1L, 1L], backupCopy.Chain.Select(hop => hop.RecipientProfileVersion ?? 0));

        // The person withdraws the marketing consent: every copy that depends on it must go.
        await alice.RevokeConsent(marketing.ConsentId);
        var obligations = await alice.GetObligations();
        Assert.Equal(
            [(shop.Id, "user.contact.email"), (cloud.Id, "user.contact.email"), (backup.Id, "user.contact.email")],
            obligations.Select(o => (o.Holder, string.Join(",", o.Categories))).OrderBy(o => o.Holder == shop.Id ? 0 : o.Holder == cloud.Id ? 1 : 2));
        Assert.DoesNotContain(obligations, o => o.Holder == delivery.Id);
        var backupObligation = obligations.Single(o => o.Holder == backup.Id);
        Assert.Equal(7, (backupObligation.DueAt - cluster.Clock.GetUtcNow()).TotalDays, precision: 3);
        Assert.Single(await backup.Grain.GetOpenObligations());

        // The transfer check now says no.
        var again = await shop.CheckTransferAsync(new TransferQuestion(shop.Id, handle, cloud.Id, ["user.contact.email"], ["marketing.communications"], hostingTerms));
        Assert.False(again.Allowed);
        Assert.Contains(again.Reasons, r => r.Contains("revoked", StringComparison.Ordinal));

        // The cloud host and the shop delete in time; the overseas data centre does not.
        var cloudObligation = obligations.Single(o => o.Holder == cloud.Id);
        Assert.Empty((await cloud.DeleteAsync(cloudHandle, ["user.contact.email"], cloudObligation.ObligationId)).Violations);
        await shop.DeleteAsync(handle, ["user.contact.email"]);
        cluster.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await cluster.Grains.GetGrain<IDeadlineSweeperGrain>(0).Sweep());

        var after = await alice.GetObligations();
        Assert.Equal(ObligationStatus.Answered, after.Single(o => o.Holder == cloud.Id).Status);
        Assert.Equal(ObligationStatus.Answered, after.Single(o => o.Holder == shop.Id).Status);
        Assert.Equal(ObligationStatus.Overdue, after.Single(o => o.Holder == backup.Id).Status);
        var view = await alice.GetCustodyView();
        Assert.Equal(HoldingStatus.DeletionOverdue, view.Holders.Single(h => h.Holder == backup.Id).Holdings.Single().Status);
        Assert.Equal(HoldingStatus.Deleted, view.Holders.Single(h => h.Holder == cloud.Id).Holdings.Single(h => h.Category == "user.contact.email").Status);
        Assert.Equal(HoldingStatus.Holding, view.Holders.Single(h => h.Holder == delivery.Id).Holdings.Single(h => h.Category == "user.contact.address").Status);
        Assert.Contains(await alice.GetInbox(), m => m.Kind == "obligation.overdue" && m.Body.Contains(backup.Id, StringComparison.Ordinal));

        // Deadlines and state survive a restart.
        await cluster.RestartAsync();
        Assert.Equal(ObligationStatus.Overdue, (await cluster.Person("alice").GetObligations()).Single(o => o.Holder == backup.Id).Status);
        Assert.Equal(Json(view), Json(await cluster.Person("alice").GetCustodyView()));
    }

    private static string Json(CustodyView view) => System.Text.Json.JsonSerializer.Serialize(view);
}
