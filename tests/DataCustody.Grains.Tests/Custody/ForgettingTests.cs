using DataCustody.Grains.Custody;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// "Forget me": the broker destroys the person's secret and the links from their handles to them;
/// the log keeps every entry, so every proof still verifies, but nothing leads from a handle to the
/// person any more. It waits until no consent of theirs is active and no holder must still delete.
/// </summary>
public sealed class ForgettingTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    private static readonly string[] Contact = ["user.contact.email"];
    private static readonly string[] Service = ["essential.service"];

    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_forgotten_person_s_handles_lead_nowhere_and_the_log_keeps_every_entry(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        using var partner = await new ProviderActor(cluster, "partner.example").JoinAsync("JP", level: 3);
        var terms = await shop.DeclareTermsAsync("Partner contract", deletionDays: 10);
        var carol = cluster.Person("carol");
        var consent = await carol.GrantConsent(shop.Id, Consent(shop, [partner.Id]));
        var handle = consent.Handle;
        Assert.Empty((await shop.CollectAsync(handle, Contact, Service, consentId: consent.ConsentId)).Violations);
        var partnerHandle = (await shop.TransferAsync(handle, partner.Id, Contact, Service, terms, consentId: consent.ConsentId)).RecipientHandle!;
        // Carol winds down first: withdraws her consent, and both holders answer their obligations.
        await carol.RevokeConsent(consent.ConsentId);
        var obligations = await carol.GetObligations();
        Assert.Equal(2, obligations.Count);
        var shopObligation = obligations.Single(o => o.Holder == shop.Id).ObligationId;
        var partnerObligation = obligations.Single(o => o.Holder == partner.Id).ObligationId;
        Assert.Empty((await shop.DeleteAsync(handle, Contact, shopObligation)).Violations);
        Assert.Empty((await partner.DeleteAsync(partnerHandle, Contact, partnerObligation)).Violations);
        var ledger = cluster.Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var sizeBefore = (await ledger.GetStatus()).Size;

        var forgottenAt = await carol.Forget();

        Assert.Equal(cluster.Clock.GetUtcNow().ToUnixTimeMilliseconds(), forgottenAt.ToUnixTimeMilliseconds());
        Assert.Equal(sizeBefore, (await ledger.GetStatus()).Size);
        var registry = cluster.Services.GetRequiredService<PersonRegistry>();
        var person = await registry.FindAsync("carol");
        Assert.NotNull(person);
        Assert.Null(person.Secret);
        Assert.Equal(forgottenAt.ToUnixTimeMilliseconds(), person.ForgottenAtMs);
        Assert.Empty(await registry.HandlesAsync("carol"));
        Assert.Null(await cluster.Services.GetRequiredService<HandleOwners>().OwnerAsync(handle));

        // Providers get what they get for a handle the broker never issued.
        var collected = await shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);
        Assert.Equal((StatementResult.Rejected, "handle"), (collected.Result, collected.Field));
        Assert.Equal("handle", (await partner.DeleteAsync(partnerHandle, Contact)).Field);
        await Assert.ThrowsAsync<ArgumentException>(() => shop.CheckTransferAsync(new TransferQuestion(shop.Id, handle, partner.Id, Contact, Service, terms)));
        await Assert.ThrowsAsync<ArgumentException>(() => shop.Grain.RequestConsent(handle, Consent(shop, [])));
        // A node whose cache still ties a handle to Carol routes to her grain, which refuses the same way.
        var routed = await carol.Record([shop.Sign(new DataCollected(shop.NextId(), shop.Now, shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null))], null, new Dictionary<string, ProviderStanding>());
        Assert.Equal((StatementResult.Rejected, "handle"), (routed.Single().Result, routed.Single().Field));
        Assert.Equal(sizeBefore, (await ledger.GetStatus()).Size);

        // Carol herself finds nothing left, also after a restart.
        var gone = await Assert.ThrowsAsync<PersonForgottenException>(() => carol.GetCustodyView());
        Assert.Equal(forgottenAt, gone.ForgottenAt);
        await Assert.ThrowsAsync<PersonForgottenException>(() => carol.GrantConsent(shop.Id, Consent(shop, [])));
        await Assert.ThrowsAsync<PersonForgottenException>(() => carol.Forget());
        await cluster.RestartAsync();
        await Assert.ThrowsAsync<PersonForgottenException>(() => cluster.Person("carol").GetConsents());
        await Assert.ThrowsAsync<PersonForgottenException>(() => cluster.Person("carol").GetInbox());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Forgetting_waits_for_active_consents_and_for_holders_that_must_still_delete(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        var dave = cluster.Person("dave");
        var consent = await dave.GrantConsent(shop.Id, Consent(shop, []));
        Assert.Empty((await shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId)).Violations);

        var whileActive = await Assert.ThrowsAsync<InvalidOperationException>(() => dave.Forget());
        Assert.Contains($"{consent.ConsentId} to {shop.Id}", whileActive.Message, StringComparison.Ordinal);

        await dave.RevokeConsent(consent.ConsentId);
        var obligation = Assert.Single(await dave.GetObligations());
        var whileDue = await Assert.ThrowsAsync<InvalidOperationException>(() => dave.Forget());
        Assert.Contains(obligation.ObligationId, whileDue.Message, StringComparison.Ordinal);
        Assert.Contains($"{shop.Id} user.contact.email by {obligation.DueAt:yyyy-MM-dd}", whileDue.Message, StringComparison.Ordinal);
        Assert.Equal(shop.Id, (await dave.GetCustodyView()).Holders.Single().Holder);

        // Once the deadline has passed, forgetting logs the missed deadline first (or finds it logged
        // by the sweeper, should its timer fire meanwhile): one entry either way.
        var ledger = cluster.Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var sizeBefore = (await ledger.GetStatus()).Size;
        cluster.Clock.Advance(obligation.DueAt - cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        await dave.Forget();

        Assert.Equal(sizeBefore + 1, (await ledger.GetStatus()).Size);
        var overdue = Assert.Single(await shop.Grain.GetOpenObligations());
        Assert.Equal((obligation.ObligationId, ObligationStatus.Overdue), (overdue.ObligationId, overdue.Status));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_consent_past_its_expiry_is_logged_as_expired_before_the_person_is_forgotten(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        using var shop = await new ProviderActor(cluster, "shop.example").JoinAsync("JP", level: 3);
        var erin = cluster.Person("erin");
        var consent = await erin.GrantConsent(shop.Id, Consent(shop, []) with { ExpiresAt = shop.Now.AddDays(1) });
        var ledger = cluster.Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var sizeBefore = (await ledger.GetStatus()).Size;
        cluster.Clock.Advance(TimeSpan.FromDays(2));

        await erin.Forget();

        Assert.Equal(sizeBefore + 1, (await ledger.GetStatus()).Size);
        var held = Assert.Single(await shop.Grain.GetHeldConsents(), c => c.ConsentId == consent.ConsentId);
        Assert.Equal(ConsentStatus.Expired, held.Status);
    }

    private static ConsentTerms Consent(ProviderActor holder, string[] recipients) =>
        new([.. Contact], [.. Service], new OnwardTransfer(recipients.Length > 0, [.. recipients], null, []), 30, holder.Now.AddYears(1));
}
