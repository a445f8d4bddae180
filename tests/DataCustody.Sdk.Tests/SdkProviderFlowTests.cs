using System.Globalization;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;
using DataCustody.Sdk.Proofs;
using DataCustody.Sdk.Receipts;
using DataCustody.Testing;
using DataCustody.Transparency.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Sdk.Tests;

/// <summary>The gateway as operators run it (own process, SQLite, embedded identity provider), for the SDK's end-to-end flow.</summary>
public sealed class GatewayProcessFixture : IAsyncLifetime
{
    /// <summary>The running gateway.</summary>
    public GatewayProcess Gateway { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Gateway = await GatewayProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

/// <summary>
/// A provider system integrates the SDK against the real gateway: registers, adds its key, learns a handle
/// from a consent a person gave, checks a transfer, submits statements concurrently through the batcher,
/// and gets a receipt that verifies offline with the log key the gateway publishes.
/// </summary>
public sealed class SdkProviderFlowTests(GatewayProcessFixture fixture) : IClassFixture<GatewayProcessFixture>
{
    private const string Email = "user.contact.email";
    private const string Purpose = "essential.service.payment_processing";

    [Fact]
    public async Task Register_add_a_key_check_a_transfer_submit_concurrently_and_verify_a_receipt_offline()
    {
        var gateway = fixture.Gateway;
        var logKey = await new Log.LogClient(gateway.Http, gateway.BaseAddress).GetVerifierKeyAsync();
        using var shopKey = ProviderKey.Generate("shop-sdk-1");
        using var deliveryKey = ProviderKey.Generate("delivery-sdk-1");
        await using var shopServices = Services(gateway.BaseAddress, "shop", shopKey, logKey);
        await using var deliveryServices = Services(gateway.BaseAddress, "delivery", deliveryKey, logKey);
        var shop = shopServices.GetRequiredService<DataCustodyProviderClient>();
        var delivery = deliveryServices.GetRequiredService<DataCustodyProviderClient>();

        var registered = await shop.RegisterAsync(new ProviderRegistration("Shop Example K.K.", "JP", "Retail", "privacy@shop.example"));
        await delivery.RegisterAsync(new ProviderRegistration("Delivery Example K.K.", "JP", "Logistics", "privacy@delivery.example"));
        var key = await shop.AddKeyAsync(ProviderKeyRegistration.For(shopKey, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("shop", registered.ProviderId);
        Assert.Equal("shop", shop.ProviderId);
        Assert.Equal(shopKey.PublicKeyBase64Url, key.PublicKey);

        // A person grants the shop a consent; the shop learns the person's handle from the consents it holds.
        var alice = shopServices.GetRequiredService<DataCustodyClientFactory>().CreatePersonClient(
            (await DemoTokens.ForPersonAsync(gateway.BaseAddress, "alice")).AccessToken);
        var terms = new ConsentTermsModel([Email], [Purpose], new OnwardTransferModel(true, ["delivery"], null, []), 30, DateTimeOffset.UtcNow.AddYears(1));
        var granted = await alice.GrantConsentAsync(new ConsentGrant("shop", terms));
        var held = Assert.Single(await shop.GetConsentsAsync(), c => c.ConsentId == granted.ConsentId);
        Assert.Equal(ConsentStatus.Active, held.Status);

        var allowed = await shop.CheckTransferAsync(new TransferCheck(held.Handle, "delivery", [Email], [Purpose]));
        var denied = await shop.CheckTransferAsync(new TransferCheck(held.Handle, "delivery", ["user.financial"], [Purpose]));
        Assert.True(allowed.Allowed, string.Join("; ", allowed.Reasons));
        Assert.Equal(granted.ConsentId, allowed.ConsentId);
        Assert.False(denied.Allowed);

        // Concurrent callers, one statement each, through the batcher.
        var statements = Enumerable.Range(0, 25).Select(i => (ProviderStatement)new DataCollected(
            $"sdk-col-{i.ToString(CultureInfo.InvariantCulture)}", DateTimeOffset.UtcNow, "shop", held.Handle, [Email], [Purpose], LegalBasis.Consent, granted.ConsentId)).ToList();
        var results = await Task.WhenAll(statements.Select(s => Task.Run(() => shop.SubmitAsync(s))));
        Assert.All(results, r => Assert.True(r.Status == StatementStatus.Recorded, $"{r.StatementId}: {r.Status} {r.Problem?.Detail}"));
        Assert.Equal(25, results.Select(r => r.EntryIndex).Distinct().Count());

        // A resend is a retry: the original entry, nothing new.
        var again = await shop.SubmitAsync(statements[7]);
        Assert.Equal(StatementStatus.Duplicate, again.Status);
        Assert.Equal(results[7].EntryIndex, again.EntryIndex);
        Assert.Equal(results[7].LeafHash, again.LeafHash);

        var receipt = await shop.WaitForInclusionAsync(results[^1]).WaitAsync(TimeSpan.FromSeconds(60));
        var pinned = NoteVerifierKey.Parse(logKey.ToString());
        var verified = Receipt.Verify(receipt.ToJson(), pinned);
        Assert.Equal(results[^1].EntryIndex, verified.EntryIndex);
        Assert.Equal(GatewayProcess.Origin, verified.Checkpoint.Origin);
        Assert.Equal((results[^1].StatementId, "shop"), (verified.StatementId, verified.Provider));
        // The same receipt claiming another of the shop's statements proves nothing.
        var relabelled = Assert.Throws<ReceiptVerificationException>(() => Receipt.Verify((receipt with { StatementId = results[0].StatementId }).ToJson(), pinned));
        Assert.Equal(ReceiptFailure.EntryMismatch, relabelled.Failure);

        // The person's own proofs verify offline too.
        var proofs = await alice.GetProofsAsync();
        var verifiedProofs = ProofBundleVerifier.Verify(proofs, logKey);
        Assert.Equal(proofs.Entries.Count, verifiedProofs.Entries.Count);
        Assert.True(proofs.Entries.Count + proofs.Pending.Count > 0);
    }

    [Fact]
    public async Task A_person_and_a_regulator_read_through_the_sdk()
    {
        var gateway = fixture.Gateway;
        var logKey = await new Log.LogClient(gateway.Http, gateway.BaseAddress).GetVerifierKeyAsync();
        using var cloudKey = ProviderKey.Generate("cloud-sdk-1");
        await using var services = Services(gateway.BaseAddress, "cloud", cloudKey, logKey);
        var cloud = services.GetRequiredService<DataCustodyProviderClient>();
        var factory = services.GetRequiredService<DataCustodyClientFactory>();
        await cloud.RegisterAsync(new ProviderRegistration("Cloud Example K.K.", "JP", "Hosting", "privacy@cloud.example"));
        await cloud.AddKeyAsync(ProviderKeyRegistration.For(cloudKey, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var bob = factory.CreatePersonClient((await DemoTokens.ForPersonAsync(gateway.BaseAddress, "bob")).AccessToken);
        var regina = factory.CreateRegulatorClient((await DemoTokens.ForPersonAsync(gateway.BaseAddress, "regina")).AccessToken);

        var terms = new ConsentTermsModel([Email], [Purpose], OnwardTransferModel.None, 30, DateTimeOffset.UtcNow.AddYears(1));
        var consent = await bob.GrantConsentAsync(new ConsentGrant("cloud", terms));
        var collected = await cloud.SubmitAsync(new DataCollected("cloud-col-1", DateTimeOffset.UtcNow, "cloud", consent.Handle, [Email], [Purpose], LegalBasis.Consent, consent.ConsentId));
        Assert.Equal(StatementStatus.Recorded, collected.Status);

        // A consent request, seen and declined by the person.
        var request = await cloud.RequestConsentAsync(consent.Handle, terms with { Purposes = ["essential.service"] });
        Assert.Contains(await bob.GetConsentRequestsAsync(), r => r.RequestId == request.RequestId && r.Status == ConsentRequestStatus.Pending);
        Assert.Equal(ConsentRequestStatus.Rejected, (await bob.RejectConsentRequestAsync(request.RequestId)).Status);

        // The person sees the holding, the receipt, and revokes; the holder and the regulator see the obligation.
        var custody = await bob.GetCustodyAsync();
        var holding = custody.Holders.Single(h => h.Holder == "cloud").Holdings.Single(x => x.Category == Email);
        // Collected under the consent, the copy depends on it, and the person sees so before revoking it.
        Assert.Equal([consent.ConsentId], holding.DependsOn);
        Assert.False(holding.OnOwnBasis);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, (await bob.GetConsentReceiptAsync(consent.ConsentId)).ValueKind);
        Assert.Equal(ConsentStatus.Revoked, (await bob.RevokeConsentAsync(consent.ConsentId)).Status);
        Assert.Contains(await bob.GetConsentsAsync(), c => c.ConsentId == consent.ConsentId && c.Status == ConsentStatus.Revoked);
        _ = await bob.GetInboxAsync();
        var obligations = await Eventually.UntilAsync(() => cloud.GetObligationsAsync(), o => o.Any(x => x.ConsentId == consent.ConsentId), TimeSpan.FromSeconds(30), "the deletion obligation");
        var obligation = Assert.Single(obligations, o => o.ConsentId == consent.ConsentId);
        Assert.Equal(ObligationStatus.Due, obligation.Status);
        Assert.Contains(await regina.GetObligationsAsync("cloud"), o => o.ObligationId == obligation.ObligationId);

        Assert.Equal("Cloud Example K.K.", (await regina.GetProviderAsync("cloud")).Name);
        Assert.Empty((await regina.GetProviderHistoryAsync("cloud")).Profiles);
        // Checkpoints come a moment after the entries they cover; the follower verifies each one it passes.
        var follower = regina.FollowCheckpoints(logKey);
        var advance = await Eventually.UntilAsync(() => follower.AdvanceAsync(), a => a.Current.Size > (ulong)collected.EntryIndex!.Value, TimeSpan.FromSeconds(30), "a checkpoint covering the collection");
        Assert.Same(advance.Current, follower.Trusted);

        // Forgetting waits for the holder; once it has deleted, bob is forgotten (no other test here uses him) and his calls fail with 410.
        var open = await Assert.ThrowsAsync<DataCustodyProblemException>(() => bob.ForgetMeAsync());
        Assert.Equal((409, "$"), (open.Status, open.Field));
        Assert.Contains(obligation.ObligationId, open.Detail, StringComparison.Ordinal);
        var deleted = await cloud.SubmitAsync(new DataDeleted("cloud-del-1", DateTimeOffset.UtcNow, "cloud", consent.Handle, [Email], obligation.ObligationId));
        Assert.Equal(StatementStatus.Recorded, deleted.Status);
        await bob.ForgetMeAsync();
        Assert.Equal(410, (await Assert.ThrowsAsync<DataCustodyProblemException>(() => bob.GetCustodyAsync())).Status);
    }

    private static ServiceProvider Services(Uri baseAddress, string client, ProviderKey key, NoteVerifierKey logKey)
    {
        var services = new ServiceCollection();
        services.AddDataCustody(o =>
        {
            o.BaseAddress = baseAddress;
            o.ClientId = client;
            o.ClientSecret = DemoTokens.ClientSecrets[client];
            o.SigningKey = key;
            o.VerifierKey = logKey.ToString();
            o.InclusionPollDelay = TimeSpan.FromMilliseconds(20);
            o.InclusionPollMaxDelay = TimeSpan.FromMilliseconds(200);
        });
        return services.BuildServiceProvider();
    }
}
