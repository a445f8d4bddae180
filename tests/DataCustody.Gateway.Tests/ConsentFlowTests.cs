using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Gateway.Tests;

/// <summary>
/// A person grants the shop a consent (person API); the shop learns the handle from its held
/// consents, checks transfers, asks for another consent, records a collection under a further consent
/// and, after the person revokes it, sees its deletion obligation.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class ConsentFlowTests(GatewayApiFixture fixture)
{
    private const string Email = "user.contact.email";
    private const string Fax = "user.contact.fax_number";
    private const string Purpose = "essential.service.payment_processing";

    [Fact]
    public async Task The_shop_sees_granted_consents_checks_transfers_requests_consents_and_sees_obligations()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("delivery");
        var alice = await fixture.PersonClientAsync("alice");
        var (consentId, handle) = await GrantAsync(alice, "shop");

        // The shop learns the handle from the consents it holds.
        var held = await shop.Http.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/consents");
        var consent = held.EnumerateArray().Single(c => c.GetProperty("consentId").GetString() == consentId);
        Assert.Equal(handle, consent.GetProperty("handle").GetString());
        Assert.Equal("active", consent.GetProperty("status").GetString());
        Assert.Equal([Email], consent.GetProperty("terms").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        // Allowed: within the consent, to a named recipient.
        using (var allowed = await shop.Http.PostAsJsonAsync("api/v1/transfers/check", new
        {
            handle,
            recipient = "delivery",
            categories = new[] { Email },
            purposes = new[] { Purpose },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            var decision = await allowed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(decision.GetProperty("allowed").GetBoolean(), decision.ToString());
            // Other tests may have granted the same person's shop handle further consents; any active one of them may allow it.
            var active = held.EnumerateArray()
                .Where(c => c.GetProperty("handle").GetString() == handle && c.GetProperty("status").GetString() == "active")
                .Select(c => c.GetProperty("consentId").GetString());
            Assert.Contains(decision.GetProperty("consentId").GetString(), active);
            Assert.Empty(decision.GetProperty("reasons").EnumerateArray());
        }

        // Denied: a category the consent does not cover.
        using (var denied = await shop.Http.PostAsJsonAsync("api/v1/transfers/check", new
        {
            handle,
            recipient = "delivery",
            categories = new[] { "user.financial" },
            purposes = new[] { Purpose },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
            var decision = await denied.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(decision.GetProperty("allowed").GetBoolean());
            Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray());
        }

        // A consent request reaches the person.
        using (var requested = await shop.Http.PostAsJsonAsync("api/v1/consent-requests", new { handle, terms = Terms("user.contact.phone_number") }))
        {
            Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
            var requestId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString();
            Assert.False(string.IsNullOrEmpty(requestId));
            Assert.Equal($"/api/v1/consent-requests/{requestId}", requested.Headers.Location?.OriginalString);
            var mine = await alice.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests");
            Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("requestId").GetString() == requestId);
        }

        // A collection under a consent, then its revocation: the shop must delete. Of a category that no other
        // test has the shop collect, under consents of theirs that would still allow holding it.
        var (revokedId, _) = await GrantAsync(alice, "shop", Fax);
        var collected = (await shop.SubmitAsync(shop.Sign(shop.Collected(TestProvider.NewId("collect"), handle, Fax, Purpose, revokedId))))[0];
        Assert.Equal("recorded", collected.GetProperty("status").GetString());
        using (var revoked = await alice.PostAsync($"api/v1/me/consents/{revokedId}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }
        var obligations = await shop.Http.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/obligations");
        var obligation = obligations.EnumerateArray().Single(o => o.GetProperty("consentId").GetString() == revokedId);
        Assert.Equal("shop", obligation.GetProperty("holder").GetString());
        Assert.Equal(handle, obligation.GetProperty("handle").GetString());
        Assert.Equal("due", obligation.GetProperty("status").GetString());

        // The regulator sees them too.
        var regina = await fixture.PersonClientAsync("regina");
        var seen = await regina.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/obligations");
        Assert.Contains(seen.EnumerateArray(), o => o.GetProperty("obligationId").GetString() == obligation.GetProperty("obligationId").GetString());

        var heldAfter = await shop.Http.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/consents");
        Assert.Equal("revoked", heldAfter.EnumerateArray().Single(c => c.GetProperty("consentId").GetString() == revokedId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_transfer_checks_and_consent_requests_are_problems_naming_the_field()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var alice = await fixture.PersonClientAsync("alice");
        var (_, handle) = await GrantAsync(alice, "shop");

        await AssertProblemAsync(shop.Http, "api/v1/transfers/check", new { handle, recipient = "delivery", categories = new[] { "user.nonsense" }, purposes = new[] { Purpose } }, HttpStatusCode.BadRequest, "categories[0]");
        await AssertProblemAsync(shop.Http, "api/v1/transfers/check", new { handle, recipient = "delivery", categories = new[] { Email }, purposes = Array.Empty<string>() }, HttpStatusCode.BadRequest, "purposes");
        await AssertProblemAsync(shop.Http, "api/v1/transfers/check", new { handle = "alice", recipient = "delivery", categories = new[] { Email }, purposes = new[] { Purpose } }, HttpStatusCode.BadRequest, "handle");
        await AssertProblemAsync(shop.Http, "api/v1/transfers/check", new { handle, recipient = "Not A Provider", categories = new[] { Email }, purposes = new[] { Purpose } }, HttpStatusCode.BadRequest, "recipient");
        await AssertProblemAsync(shop.Http, "api/v1/transfers/check", new { handle = "h_bbbbbbbbbbbbbbbbbbbbbbbbbb", recipient = "delivery", categories = new[] { Email }, purposes = new[] { Purpose } }, HttpStatusCode.UnprocessableEntity, "handle");

        await AssertProblemAsync(shop.Http, "api/v1/consent-requests", new { handle, terms = Terms("user.nonsense") }, HttpStatusCode.BadRequest, "terms.categories[0]");
        await AssertProblemAsync(shop.Http, "api/v1/consent-requests", new { handle, terms = Terms(Email, retentionDays: 99999) }, HttpStatusCode.BadRequest, "terms.retentionDays");
        await AssertProblemAsync(shop.Http, "api/v1/consent-requests", new { handle }, HttpStatusCode.BadRequest, "terms");
        await AssertProblemAsync(shop.Http, "api/v1/consent-requests", new { handle = "h_bbbbbbbbbbbbbbbbbbbbbbbbbb", terms = Terms(Email) }, HttpStatusCode.UnprocessableEntity, "handle");
    }

    private static async Task AssertProblemAsync(HttpClient http, string path, object body, HttpStatusCode status, string field)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        await Problems.AssertAsync(response, status, field);
    }

    private static object Terms(string category, int retentionDays = 30) => new
    {
        categories = new[] { category },
        purposes = new[] { Purpose },
        onwardTransfer = new { allowed = true, recipients = new[] { "delivery" }, termsSha256 = Array.Empty<string>() },
        retentionDays,
        expiresAt = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private static async Task<(string ConsentId, string Handle)> GrantAsync(HttpClient person, string holder, string category = Email)
    {
        using var granted = await person.PostAsJsonAsync("api/v1/me/consents", new { holder, terms = Terms(category) });
        Assert.True(granted.StatusCode == HttpStatusCode.Created, await granted.Content.ReadAsStringAsync());
        var consent = await granted.Content.ReadFromJsonAsync<JsonElement>();
        return (consent.GetProperty("consentId").GetString()!, consent.GetProperty("handle").GetString()!);
    }
}
