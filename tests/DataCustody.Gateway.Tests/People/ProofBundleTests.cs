using System.Net;
using System.Text;
using DataCustody.Sdk.Proofs;
using DataCustody.Testing;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.People;

/// <summary>The person's proof bundle, downloaded over HTTP and verified offline with the log's key.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class ProofBundleTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task The_bundle_proves_every_entry_the_persons_records_cite_against_the_signed_checkpoint()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var bob = await fixture.PersonClientAsync("bob");
        var consent = await GrantAsync(bob, "shop", "user.contact.phone_number");
        var collected = await CollectAsync(shop, consent.Id("handle"), consent.Id("consentId"), "user.contact.phone_number");
        var cited = new[] { consent.GetProperty("grantedIndex").GetInt64(), collected };

        // Checkpoints follow appends within a second; wait until one covers bob's newest entry.
        var json = await Eventually.UntilAsync(
            () => bob.GetByteArrayAsync("api/v1/me/proofs"),
            bytes => ProofBundle.Parse(bytes) is { } b && b.Pending.Count == 0 && cited.All(i => i < b.TreeSize),
            TimeSpan.FromSeconds(10),
            "a checkpoint covering bob's entries");
        var bundle = ProofBundle.Parse(json);

        // Offline: nothing but the bundle and a key obtained independently.
        var key = await fixture.Gateway.GetVerifierKeyAsync();
        var verified = ProofBundleVerifier.Verify(bundle, key);
        Assert.Equal(bundle.Entries.Count, verified.Entries.Count);
        Assert.All(cited, index => Assert.Contains(verified.Entries, e => e.Index == index));
        Assert.Equal(verified.Entries.Select(e => e.Index).Order(), verified.Entries.Select(e => e.Index));

        // And the same check by hand with the Transparency library: each proof leads to the signed root.
        var checkpoint = DataCustody.Transparency.Checkpoints.Checkpoint.OpenSigned(bundle.Checkpoint, key);
        foreach (var entry in bundle.Entries)
        {
            Assert.True(StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(entry.Leaf), out var leaf));
            var proof = entry.Proof.Select(p => StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(p), out var h) ? h : throw new FormatException(p)).ToList();
            MerkleProof.VerifyInclusion((ulong)entry.Index, checkpoint.Size, MerkleHash.Leaf(leaf), proof, checkpoint.RootHash.Span);
            // The leaves are the broker's envelopes, and never carry the person id.
            var text = Encoding.UTF8.GetString(leaf);
            Assert.StartsWith("{\"v\":1,", text, StringComparison.Ordinal);
            Assert.DoesNotContain("5e21008d-936f-4c27-85b8-ec6a98745b5d", text, StringComparison.OrdinalIgnoreCase);
        }

        // The collection statement bob's custody view cites is shop's exact signed statement.
        var collectedLeaf = Encoding.UTF8.GetString(verified.Entries.Single(e => e.Index == collected).Leaf);
        Assert.Contains("\"type\":\"data.collected\"", collectedLeaf, StringComparison.Ordinal);
        Assert.Contains("\"by\":\"shop\"", collectedLeaf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_proves_what_a_late_transfer_handed_down_to_a_copy_passed_on_before_it_was_reported()
    {
        await fixture.RegisteredProviderAsync("cloud");
        var late = await DeliveryPassesOnBeforeTheShopReportsAsync();

        // The transfer, then what the cloud's copy inherits from it.
        var transfer = await late.ReportAsync();
        var handedDown = transfer + 1;
        var verified = await ProvenAsync(late.Bob, handedDown);
        Assert.Contains("\"type\":\"data.transferred\"", Encoding.UTF8.GetString(verified.Entries.Single(e => e.Index == transfer).Leaf), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"holdings.inherited\"", Encoding.UTF8.GetString(verified.Entries.Single(e => e.Index == handedDown).Leaf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_proves_what_a_late_transfer_handed_down_to_an_older_copy_its_holder_still_holds()
    {
        var cloud = await fixture.RegisteredProviderAsync("cloud");
        var late = await DeliveryPassesOnBeforeTheShopReportsAsync();
        // Then the cloud collects the email itself: the copy bob's custody view shows is this later one.
        var cloudConsent = await GrantAsync(late.Bob, "cloud");
        var collected = await CollectAsync(cloud, cloudConsent.Id("handle"), cloudConsent.Id("consentId"));

        // The transfer, then what the cloud's older copy inherits from it.
        var handedDown = await late.ReportAsync() + 1;
        var verified = await ProvenAsync(late.Bob, handedDown);
        Assert.Contains("\"type\":\"data.collected\"", Encoding.UTF8.GetString(verified.Entries.Single(e => e.Index == collected).Leaf), StringComparison.Ordinal);
        var inherited = Encoding.UTF8.GetString(Assert.Single(verified.Entries, e => e.Index == handedDown).Leaf);
        Assert.Contains("\"type\":\"holdings.inherited\"", inherited, StringComparison.Ordinal);
        // The broker's statement inside hands the shop's consent down to the cloud's copy.
        var jws = System.Text.Json.JsonDocument.Parse(inherited).RootElement.GetProperty("jws").GetString()!;
        Assert.True(StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(jws.Split('.')[1]), out var payload));
        var statement = Encoding.UTF8.GetString(payload);
        Assert.Contains("\"cloud\"", statement, StringComparison.Ordinal);
        Assert.Contains(late.ConsentId, statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_leaf_or_a_foreign_key_fails_verification()
    {
        await fixture.RegisteredProviderAsync("shop");
        var bob = await fixture.PersonClientAsync("bob");
        var granted = (await GrantAsync(bob, "shop")).GetProperty("grantedIndex").GetInt64();
        var bundle = ProofBundle.Parse(await Eventually.UntilAsync(
            () => bob.GetByteArrayAsync("api/v1/me/proofs"),
            bytes => ProofBundle.Parse(bytes).Entries.Any(e => e.Index == granted),
            TimeSpan.FromSeconds(10),
            "a checkpoint covering bob's grant"));
        var key = await fixture.Gateway.GetVerifierKeyAsync();
        ProofBundleVerifier.Verify(bundle, key);

        var entry = bundle.Entries.Single(e => e.Index == granted);
        StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(entry.Leaf), out var leaf);
        leaf[^2] ^= 1;
        var tampered = bundle with { Entries = [.. bundle.Entries.Select(e => e == entry ? e with { Leaf = StrictBase64.EncodeUrl(leaf) } : e)] };
        var failure = Assert.Throws<ProofBundleException>(() => ProofBundleVerifier.Verify(tampered, key));
        Assert.Equal(granted, failure.EntryIndex);

        using var other = DataCustody.Transparency.Notes.NoteSignerKey.Generate(DataCustody.Testing.GatewayProcess.Origin);
        Assert.Throws<ProofBundleException>(() => ProofBundleVerifier.Verify(bundle, other.Verifier));
    }

    [Fact]
    public async Task Only_people_get_a_proof_bundle()
    {
        var regina = await fixture.PersonClientAsync("regina");
        using var response = await regina.GetAsync("api/v1/me/proofs");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = await fixture.Anonymous.GetAsync("api/v1/me/proofs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    // Delivery reports its receipt of bob's email and passes it on to the cloud under contract before the shop,
    // which collected it on bob's consent, reports sending it.
    private async Task<LateTransfer> DeliveryPassesOnBeforeTheShopReportsAsync()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        var bob = await fixture.PersonClientAsync("bob");
        var consent = await GrantAsync(bob, "shop");
        await CollectAsync(shop, consent.Id("handle"), consent.Id("consentId"));
        var deliveryHandle = (await GrantAsync(bob, "delivery")).Id("handle");
        var terms = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var transferId = TestProvider.NewId("transfer");
        var passedOn = await delivery.SubmitAsync(
            delivery.Sign($$"""
                {"id":"{{TestProvider.NewId("receipt")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"data.received","provider":"delivery",
                 "handle":"{{deliveryHandle}}","sender":"shop","transferId":"{{transferId}}","categories":["{{Email}}"],"obtainedVia":"from shop"}
                """),
            delivery.Sign($$"""
                {"id":"{{TestProvider.NewId("transfer")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"data.transferred","provider":"delivery",
                 "handle":"{{deliveryHandle}}","recipient":"cloud","categories":["{{Email}}"],"purposes":["{{Purpose}}"],"legalBasis":"contract","termsSha256":"{{terms}}"}
                """));
        Assert.All(passedOn, result => Assert.Equal("recorded", result.Id("status")));
        return new LateTransfer(shop, bob, consent.Id("handle"), consent.Id("consentId"), transferId, terms);
    }

    // Bob's bundle once a checkpoint covers entry index, verified with the log's key.
    private async Task<VerifiedProofBundle> ProvenAsync(HttpClient bob, long index)
    {
        var bundle = ProofBundle.Parse(await Eventually.UntilAsync(
            () => bob.GetByteArrayAsync("api/v1/me/proofs"),
            bytes => ProofBundle.Parse(bytes) is { } b && b.Pending.Count == 0 && index < b.TreeSize,
            TimeSpan.FromSeconds(10),
            $"a checkpoint covering entry {index}"));
        return ProofBundleVerifier.Verify(bundle, await fixture.Gateway.GetVerifierKeyAsync());
    }

    /// <summary>A transfer of bob's email from the shop to delivery that delivery reported first.</summary>
    private sealed record LateTransfer(TestProvider Shop, HttpClient Bob, string Handle, string ConsentId, string TransferId, string Terms)
    {
        // The shop reports the transfer at last; returns its entry index.
        public async Task<long> ReportAsync()
        {
            var transferred = (await Shop.SubmitAsync(Shop.Sign(Shop.Transferred(TransferId, Handle, "delivery", Email, Purpose, ConsentId, Terms))))[0];
            Assert.Equal("recorded", transferred.Id("status"));
            return transferred.GetProperty("entryIndex").GetInt64();
        }
    }
}
