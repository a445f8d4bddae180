using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.People;

/// <summary>A person's consents, consent requests, custody view and inbox over HTTP, with real tokens.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class PeopleApiTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task A_granted_consent_is_listed_and_its_revocation_obliges_the_holder_to_delete()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");

        var consent = await GrantAsync(alice, "shop");
        var consentId = consent.Id("consentId");
        Assert.Equal("shop", consent.Id("holder"));
        Assert.Equal("active", consent.Id("status"));
        Assert.Matches("^h_[a-z2-7]{26}$", consent.Id("handle"));
        Assert.Equal([Email], consent.GetProperty("terms").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var listed = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consents");
        Assert.Equal("active", listed.EnumerateArray().Single(c => c.Id("consentId") == consentId).Id("status"));

        var collectedIndex = await CollectAsync(shop, consent.Id("handle"), consentId);
        using var revoke = await alice.PostAsync($"api/v1/me/consents/{consentId}/revoke", null);
        var revoked = await revoke.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", revoked.Id("status"));
        var endedIndex = revoked.GetProperty("endedIndex").GetInt64();
        Assert.True(endedIndex > collectedIndex);

        // The cascade: the shop must delete what it collected under the consent.
        var obligations = await shop.Http.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/obligations");
        var obligation = obligations.EnumerateArray().Single(o => o.Id("consentId") == consentId);
        Assert.Equal(consent.Id("handle"), obligation.Id("handle"));
        Assert.Equal([Email], obligation.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        // Revoking twice is a conflict, not a second revocation.
        using var again = await alice.PostAsync($"api/v1/me/consents/{consentId}/revoke", null);
        await Problems.AssertAsync(again, HttpStatusCode.Conflict, "consentId");

        // The person's inbox tells them, pointing at the revocation entry.
        var inbox = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/inbox");
        var message = inbox.EnumerateArray().First(m => m.Id("kind") == "consent.revoked" && m.GetProperty("entryIndex").GetInt64() == endedIndex);
        Assert.Contains("shop", message.Id("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_custody_view_shows_every_holder_the_chain_and_the_entries_that_prove_them()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("delivery");
        var bob = await fixture.PersonClientAsync("bob");
        const string address = "user.contact.address";
        var consent = await GrantAsync(bob, "shop", address);
        var consentId = consent.Id("consentId");
        var collectedIndex = await CollectAsync(shop, consent.Id("handle"), consentId, address);
        // Collected on a contract, the name stands on a basis of its own.
        var onContract = (await shop.SubmitAsync(shop.Sign(shop.Collected(TestProvider.NewId("collect"), consent.Id("handle"), "user.name", Purpose, null))))[0];
        Assert.Equal("recorded", onContract.GetProperty("status").GetString());
        var terms = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var transferred = (await shop.SubmitAsync(shop.Sign(shop.Transferred(TestProvider.NewId("transfer"), consent.Id("handle"), "delivery", address, Purpose, consentId, terms))))[0];
        Assert.Equal("recorded", transferred.GetProperty("status").GetString());
        var transferIndex = transferred.GetProperty("entryIndex").GetInt64();

        var custody = await bob.GetFromJsonAsync<JsonElement>("api/v1/me/custody");
        var holders = custody.GetProperty("holders").EnumerateArray().ToList();
        var atShop = Holding(holders, "shop", address, collectedIndex);
        Assert.Equal("holding", atShop.Id("status"));
        Assert.True(atShop.GetProperty("since").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Empty(atShop.GetProperty("chain").EnumerateArray());
        // Collected under the consent, the shop's copy depends on it. Bob's other copies at the shop add their own consents.
        Assert.Contains(consentId, atShop.GetProperty("dependsOn").EnumerateArray().Select(c => c.GetString()));
        Assert.False(atShop.GetProperty("onOwnBasis").GetBoolean());
        var named = Holding(holders, "shop", "user.name", onContract.GetProperty("entryIndex").GetInt64());
        Assert.True(named.GetProperty("onOwnBasis").GetBoolean());

        // The hop to delivery: who sent it, under which consent and terms, and the entry that proves it.
        var atDelivery = Holding(holders, "delivery", address, transferIndex);
        Assert.Equal(terms, atDelivery.Id("termsSha256"));
        var hop = Assert.Single(atDelivery.GetProperty("chain").EnumerateArray().ToList());
        Assert.Equal("shop", hop.Id("from"));
        Assert.Equal("delivery", hop.Id("to"));
        Assert.Equal(consentId, hop.Id("consentId"));
        Assert.Equal(consentId, hop.Id("allowedBy"));
        Assert.Contains(consentId, atDelivery.GetProperty("dependsOn").EnumerateArray().Select(c => c.GetString()));
        Assert.False(atDelivery.GetProperty("onOwnBasis").GetBoolean());
        Assert.Equal(terms, hop.Id("termsSha256"));
        Assert.False(hop.GetProperty("confirmed").GetBoolean());
        Assert.Contains(hop.GetProperty("evidence").EnumerateArray(), e => e.GetInt64() == transferIndex);

        // Alice's view shows nothing of bob's.
        var alice = await fixture.PersonClientAsync("alice");
        var hers = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/custody");
        Assert.DoesNotContain(hers.GetProperty("holders").EnumerateArray().SelectMany(h => h.GetProperty("holdings").EnumerateArray()),
            h => h.GetProperty("evidence").EnumerateArray().Any(e => e.GetInt64() == transferIndex || e.GetInt64() == collectedIndex));
    }

    private static JsonElement Holding(List<JsonElement> holders, string holder, string category, long evidence) =>
        holders.Where(h => h.Id("holder") == holder)
            .SelectMany(h => h.GetProperty("holdings").EnumerateArray())
            .Single(h => h.Id("category") == category && h.GetProperty("evidence").EnumerateArray().Any(e => e.GetInt64() == evidence));

    [Fact]
    public async Task A_request_from_a_provider_can_be_approved_or_rejected_once()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");
        var handle = (await GrantAsync(alice, "shop")).Id("handle");
        var toApprove = await RequestAsync(shop, handle);
        var toReject = await RequestAsync(shop, handle);

        var requests = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests");
        var pending = requests.EnumerateArray().Single(r => r.Id("requestId") == toApprove);
        Assert.Equal("pending", pending.Id("status"));
        Assert.Equal("shop", pending.Id("holder"));
        Assert.Equal([Phone], pending.GetProperty("terms").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        using var approve = await alice.PostAsync($"api/v1/me/consent-requests/{toApprove}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var consent = await approve.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(toApprove, consent.Id("requestId"));
        Assert.Equal("active", consent.Id("status"));
        Assert.Contains((await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).EnumerateArray(), c => c.Id("consentId") == consent.Id("consentId"));

        using var reject = await alice.PostAsync($"api/v1/me/consent-requests/{toReject}/reject", null);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Equal("rejected", (await reject.Content.ReadFromJsonAsync<JsonElement>()).Id("status"));

        using var approveAgain = await alice.PostAsync($"api/v1/me/consent-requests/{toApprove}/approve", null);
        await Problems.AssertAsync(approveAgain, HttpStatusCode.Conflict, "requestId");
        using var approveRejected = await alice.PostAsync($"api/v1/me/consent-requests/{toReject}/approve", null);
        await Problems.AssertAsync(approveRejected, HttpStatusCode.Conflict, "requestId");
        using var unknown = await alice.PostAsync("api/v1/me/consent-requests/req_doesnotexist0/reject", null);
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, "requestId");
        var after = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests");
        Assert.Equal("approved", after.EnumerateArray().Single(r => r.Id("requestId") == toApprove).Id("status"));
        Assert.Equal("rejected", after.EnumerateArray().Single(r => r.Id("requestId") == toReject).Id("status"));
    }

    [Fact]
    public async Task One_person_never_sees_or_changes_anothers_consents_or_requests()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");
        var bob = await fixture.PersonClientAsync("bob");
        var consent = await GrantAsync(alice, "shop");
        var consentId = consent.Id("consentId");
        var requestId = await RequestAsync(shop, consent.Id("handle"));

        Assert.DoesNotContain((await bob.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).EnumerateArray(), c => c.Id("consentId") == consentId);
        Assert.DoesNotContain((await bob.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests")).EnumerateArray(), r => r.Id("requestId") == requestId);
        using (var revoke = await bob.PostAsync($"api/v1/me/consents/{consentId}/revoke", null))
        {
            await Problems.AssertAsync(revoke, HttpStatusCode.NotFound, "consentId");
        }
        using (var receipt = await bob.GetAsync($"api/v1/me/consents/{consentId}/receipt"))
        {
            await Problems.AssertAsync(receipt, HttpStatusCode.NotFound, "consentId");
        }
        using (var approve = await bob.PostAsync($"api/v1/me/consent-requests/{requestId}/approve", null))
        {
            await Problems.AssertAsync(approve, HttpStatusCode.NotFound, "requestId");
        }

        // Nothing changed for alice.
        Assert.Equal("active", (await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).EnumerateArray().Single(c => c.Id("consentId") == consentId).Id("status"));
        Assert.Equal("pending", (await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests")).EnumerateArray().Single(r => r.Id("requestId") == requestId).Id("status"));
    }

    [Fact]
    public async Task A_bad_grant_is_a_problem_naming_the_field_and_records_nothing()
    {
        await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");
        var before = (await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).GetArrayLength();

        await AssertGrantProblemAsync(alice, new { holder = "shop", terms = Terms("user.nonsense") }, HttpStatusCode.BadRequest, "terms.categories[0]");
        await AssertGrantProblemAsync(alice, new { holder = "shop", terms = Terms(retentionDays: 0) }, HttpStatusCode.BadRequest, "terms.retentionDays");
        await AssertGrantProblemAsync(alice, new { holder = "shop", terms = Terms(expiresAt: DateTimeOffset.UtcNow.AddDays(-1)) }, HttpStatusCode.BadRequest, "terms.expiresAt");
        await AssertGrantProblemAsync(alice, new { holder = "Not A Provider", terms = Terms() }, HttpStatusCode.BadRequest, "holder");
        await AssertGrantProblemAsync(alice, new { holder = "shop" }, HttpStatusCode.BadRequest, "terms");
        await AssertGrantProblemAsync(alice, new { holder = "shop", terms = Terms(), person = "bob" }, HttpStatusCode.BadRequest, "person");
        // backup is a demo client that the fixture never registers.
        await AssertGrantProblemAsync(alice, new { holder = "backup", terms = Terms() }, HttpStatusCode.UnprocessableEntity, "holder");
        using (var malformed = await alice.PostAsync("api/v1/me/consents", new StringContent("{\"holder\":", System.Text.Encoding.UTF8, "application/json")))
        {
            await Problems.AssertAsync(malformed, HttpStatusCode.BadRequest, "$");
        }

        Assert.Equal(before, (await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).GetArrayLength());
    }

    [Fact]
    public async Task The_consent_receipt_is_a_kantara_v1_1_document_naming_the_person_by_handle()
    {
        await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");
        var consent = await GrantAsync(alice, "shop", "user.health_and_medical");

        using var response = await alice.GetAsync($"api/v1/me/consents/{consent.Id("consentId")}/receipt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var receipt = JsonDocument.Parse(text).RootElement;
        Assert.Equal("KI-CR-v1.1.0", receipt.Id("version"));
        Assert.Equal(consent.Id("consentId"), receipt.Id("consentReceiptID"));
        Assert.Equal(consent.Id("handle"), receipt.Id("piiPrincipalId"));
        Assert.Equal(consent.GetProperty("grantedAt").GetDateTimeOffset().ToUnixTimeSeconds(), receipt.GetProperty("consentTimestamp").GetInt64());
        Assert.False(string.IsNullOrEmpty(receipt.Id("jurisdiction")));
        Assert.False(string.IsNullOrEmpty(receipt.Id("collectionMethod")));
        Assert.False(string.IsNullOrEmpty(receipt.Id("policyUrl")));
        Assert.Equal("en", receipt.Id("language"));
        var controller = Assert.Single(receipt.GetProperty("piiControllers").EnumerateArray().ToList());
        var registration = await alice.GetFromJsonAsync<JsonElement>("api/v1/providers/shop");
        Assert.Equal(JsonValueKind.String, controller.GetProperty("piiController").ValueKind);
        Assert.Contains(controller.Id("piiController"), registration.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(controller.Id("contact")));
        var purpose = Assert.Single(Assert.Single(receipt.GetProperty("services").EnumerateArray().ToList()).GetProperty("purposes").EnumerateArray().ToList());
        Assert.Contains(Purpose, purpose.Id("purpose"), StringComparison.Ordinal);
        Assert.Equal(["Contracted Service"], purpose.GetProperty("purposeCategory").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Health"], purpose.GetProperty("piiCategory").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("EXPLICIT", purpose.Id("consentType"));
        Assert.True(purpose.GetProperty("primaryPurpose").GetBoolean());
        Assert.True(purpose.GetProperty("thirdPartyDisclosure").GetBoolean());
        Assert.Equal("delivery", purpose.Id("thirdPartyName"));
        Assert.True(receipt.GetProperty("sensitive").GetBoolean());
        Assert.Single(receipt.GetProperty("spiCat").EnumerateArray());

        // The person id never appears: only the pairwise handle does.
        Assert.DoesNotContain("9d1316f9-4768-40ce-b3af-aa7111ae7fc2", text, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertGrantProblemAsync(HttpClient person, object body, HttpStatusCode status, string field)
    {
        using var response = await person.PostAsJsonAsync("api/v1/me/consents", body);
        await Problems.AssertAsync(response, status, field);
    }
}
