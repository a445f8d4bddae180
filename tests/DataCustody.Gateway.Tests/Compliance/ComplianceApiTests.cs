using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Gateway.Tests.People;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.Compliance;

/// <summary>
/// The regulator's views and the APPI records over HTTP, on data set up through the API. The
/// gateway is shared, so each test looks for its own statement ids among what others left.
/// Overdue deletions need the broker's clock moved: the grains tests cover their content.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class ComplianceApiTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task A_transfer_without_consent_and_a_hop_without_receipt_show_up_and_both_sides_get_their_appi_records()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        await fixture.RegisteredProviderAsync("cloud");
        var regulator = await fixture.PersonClientAsync("regina");
        var bob = await fixture.PersonClientAsync("bob");
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var consent = await GrantAsync(bob, "shop");
        var handle = consent.Id("handle");
        var consentId = consent.Id("consentId");
        await CollectAsync(shop, handle, consentId);

        // Allowed and confirmed: to delivery, which the consent names.
        var toDelivery = TestProvider.NewId("transfer");
        var delivered = await TransferAsync(shop, toDelivery, handle, "delivery", consentId);
        var deliveryHandle = delivered.Id("recipientHandle");
        var obtainedVia = "Collected by shop directly from the customer, with consent; \"order\" data";
        var received = (await delivery.SubmitAsync(delivery.Sign($$"""
            {"id":"{{TestProvider.NewId("receipt")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"data.received","provider":"delivery",
             "handle":"{{deliveryHandle}}","sender":"shop","transferId":"{{toDelivery}}","categories":["{{Email}}"],"obtainedVia":{{JsonSerializer.Serialize(obtainedVia)}}}
            """)))[0];
        Assert.Equal("recorded", received.Id("status"));
        // Not allowed and never confirmed: to the cloud host, which no consent names.
        var toCloud = TestProvider.NewId("transfer");
        var clouded = await TransferAsync(shop, toCloud, handle, "cloud", null);
        Assert.Contains(clouded.GetProperty("violations").EnumerateArray(), v => v.Id("code") == "no-consent");
        var until = DateTimeOffset.UtcNow.AddMinutes(1);

        var unconsented = (await AllAsync(regulator, "api/v1/compliance/unconsented-transfers")).Where(t => t.Id("transferId") is var id && (id == toCloud || id == toDelivery)).ToList();
        var flagged = Assert.Single(unconsented);
        Assert.Equal((toCloud, "shop", handle, "cloud", clouded.Id("recipientHandle"), clouded.GetProperty("entryIndex").GetInt64()),
            (flagged.Id("transferId"), flagged.Id("sender"), flagged.Id("senderHandle"), flagged.Id("recipient"), flagged.Id("recipientHandle"), flagged.GetProperty("entryIndex").GetInt64()));
        Assert.Equal([Email], flagged.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        var unconfirmed = (await AllAsync(regulator, "api/v1/compliance/unconfirmed-hops")).Where(h => h.Id("transferId") is var id && (id == toCloud || id == toDelivery)).ToList();
        var waiting = Assert.Single(unconfirmed);
        Assert.Equal((toCloud, "sender", "shop", "cloud"), (waiting.Id("transferId"), waiting.Id("reportedBy"), waiting.Id("sender"), waiting.Id("recipient")));
        Assert.InRange(waiting.GetProperty("ageSeconds").GetInt64(), 0, 600);

        // Article 29, as JSON and as CSV, for the regulator and for the shop itself.
        var period = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&until={Uri.EscapeDataString(until.ToString("O", CultureInfo.InvariantCulture))}";
        var provisions = (await AllAsync(regulator, $"api/v1/providers/shop/appi/provisions?{period}")).Where(p => p.Id("handle") == handle).ToList();
        Assert.Equal([toDelivery, toCloud], provisions.Select(p => p.Id("transferId")));
        Assert.Equal(["delivery", "cloud"], provisions.Select(p => p.GetProperty("recipient").Id("providerId")));
        Assert.Equal(["delivery Example K.K.", "cloud Example K.K."], provisions.Select(p => p.GetProperty("recipient").Id("name")));
        Assert.Equal(["privacy@delivery.example", "privacy@cloud.example"], provisions.Select(p => p.GetProperty("recipient").Id("contact")));
        Assert.Equal([true, false], provisions.Select(p => p.GetProperty("recipientConfirmed").GetBoolean()));
        Assert.Equal([consentId, null], provisions.Select(p => p.GetProperty("consentId").GetString()));
        Assert.All(provisions, p => Assert.Equal(("consent", Email), (p.Id("legalBasis"), Assert.Single(p.GetProperty("categories").EnumerateArray().ToList()).GetString())));

        var csv = (await CsvAsync(shop.Http, $"api/v1/providers/shop/appi/provisions?{period}&format=csv&limit=1000")).Where(r => r["handle"] == handle).ToList();
        Assert.Equal(provisions.Select(p => new Dictionary<string, string>
        {
            ["providedAt"] = p.GetProperty("providedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["entryIndex"] = p.GetProperty("entryIndex").GetInt64().ToString(CultureInfo.InvariantCulture),
            ["hopId"] = p.GetProperty("hopId").GetInt64().ToString(CultureInfo.InvariantCulture),
            ["transferId"] = p.Id("transferId"),
            ["recipientId"] = p.GetProperty("recipient").Id("providerId"),
            ["recipientName"] = p.GetProperty("recipient").Id("name"),
            ["recipientJurisdiction"] = p.GetProperty("recipient").Id("jurisdiction"),
            ["recipientContact"] = p.GetProperty("recipient").Id("contact"),
            ["handle"] = handle,
            ["categories"] = Email,
            ["purposes"] = Purpose,
            ["legalBasis"] = "consent",
            ["consentId"] = p.GetProperty("consentId").GetString() ?? "",
            ["recipientConfirmed"] = p.GetProperty("recipientConfirmed").GetBoolean() ? "true" : "false",
        }), csv);

        // Article 30 for the delivery company, by Accept header; the quoted field reads back whole.
        var receipts = (await CsvAsync(delivery.Http, $"api/v1/providers/delivery/appi/receipts?{period}&limit=1000", accept: true)).Where(r => r["transferId"] == toDelivery).ToList();
        var receipt = Assert.Single(receipts);
        Assert.Equal(("shop", "shop Example K.K.", "privacy@shop.example", obtainedVia, deliveryHandle, Email, "true"),
            (receipt["senderId"], receipt["senderName"], receipt["senderContact"], receipt["obtainedVia"], receipt["handle"], receipt["categories"], receipt["senderConfirmed"]));
        var json = Assert.Single(await AllAsync(regulator, $"api/v1/providers/delivery/appi/receipts?{period}"), r => r.Id("transferId") == toDelivery);
        Assert.Equal((received.GetProperty("entryIndex").GetInt64(), obtainedVia), (json.GetProperty("entryIndex").GetInt64(), json.Id("obtainedVia")));

        // A period before it all holds none of it.
        var before = await AllAsync(regulator, $"api/v1/providers/shop/appi/provisions?from=2020-01-01&until={from.UtcDateTime:yyyy-MM-dd}");
        Assert.DoesNotContain(before, p => p.Id("handle") == handle);
    }

    [Fact]
    public async Task Pages_follow_the_next_cursor_in_the_body_and_the_link_header()
    {
        var regulator = await fixture.PersonClientAsync("regina");
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("cloud");
        // Three transfers nobody confirms, so the list has at least three pages of one.
        var handle = (await GrantAsync(await fixture.PersonClientAsync("alice"), "shop")).Id("handle");
        for (var i = 0; i < 3; i++)
        {
            await TransferAsync(shop, TestProvider.NewId("transfer"), handle, "cloud", null);
        }

        using var first = await regulator.GetAsync("api/v1/compliance/unconfirmed-hops?limit=1");
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        var next = body.Id("next");
        var link = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Equal($"</api/v1/compliance/unconfirmed-hops?limit=1&after={next}>; rel=\"next\"", link);
        // Query names bind whatever their case: the next link replaces the cursor however the client spelled it.
        using var secondPage = await regulator.GetAsync($"api/v1/compliance/unconfirmed-hops?limit=1&After={next}");
        var second = await secondPage.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"</api/v1/compliance/unconfirmed-hops?limit=1&after={second.Id("next")}>; rel=\"next\"", Assert.Single(secondPage.Headers.GetValues("Link")));

        var firstHop = Assert.Single(body.GetProperty("items").EnumerateArray().ToList()).GetProperty("hopId").GetInt64();
        var secondHop = Assert.Single(second.GetProperty("items").EnumerateArray().ToList()).GetProperty("hopId").GetInt64();
        Assert.True(secondHop > firstHop);
    }

    [Fact]
    public async Task A_holder_whose_current_profile_claims_a_lapsed_certification_is_listed_until_it_declares_a_valid_one()
    {
        var regulator = await fixture.PersonClientAsync("regina");
        var cloud = await fixture.RegisteredProviderAsync("cloud");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await DeclareAsync(cloud, $$"""[{"scheme":"privacy-mark","identifier":"10823456(05)","validUntil":"{{yesterday}}"},{"scheme":"iso27001","identifier":"IS 1","validUntil":"{{nextYear}}"}]""");
        var listed = Assert.Single(await AllAsync(regulator, "api/v1/compliance/expired-certifications"), e => e.GetProperty("provider").Id("providerId") == "cloud");
        var lapsed = Assert.Single(listed.GetProperty("certifications").EnumerateArray().ToList());
        Assert.Equal(("privacy-mark", "10823456(05)", yesterday), (lapsed.Id("scheme"), lapsed.Id("identifier"), lapsed.Id("validUntil")));
        Assert.Equal(("cloud Example K.K.", 4), (listed.GetProperty("provider").Id("name"), listed.GetProperty("level").GetInt32()));

        await DeclareAsync(cloud, $$"""[{"scheme":"privacy-mark","identifier":"10823456(06)","validUntil":"{{nextYear}}"}]""");
        Assert.DoesNotContain(await AllAsync(regulator, "api/v1/compliance/expired-certifications"), e => e.GetProperty("provider").Id("providerId") == "cloud");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_views_and_the_records_as_json_and_csv()
    {
        var paths = JsonDocument.Parse(await fixture.Anonymous.GetStringAsync("openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "unconsented-transfers", "unconfirmed-hops", "overdue-deletions", "expired-certifications" }.Select(p => $"/api/v1/compliance/{p}")
            .Concat(["/api/v1/providers/{id}/appi/provisions", "/api/v1/providers/{id}/appi/receipts"]))
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.True(get.GetProperty("security").GetArrayLength() > 0, $"{path} names no security requirement");
        }
        var content = paths.GetProperty("/api/v1/providers/{id}/appi/provisions").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _) && content.TryGetProperty("text/csv", out _), content.ToString());
    }

    [Theory]
    [InlineData("api/v1/compliance/unconfirmed-hops?limit=0", "limit")]
    [InlineData("api/v1/compliance/overdue-deletions?limit=1001", "limit")]
    [InlineData("api/v1/compliance/unconsented-transfers?limit=ten", "limit")]
    [InlineData("api/v1/compliance/expired-certifications?after=not*a*cursor", "after")]
    [InlineData("api/v1/compliance/unconfirmed-hops?after=Zm9v", "after")]
    [InlineData("api/v1/providers/shop/appi/provisions?from=2026-02-01&until=2026-01-01", "from")]
    [InlineData("api/v1/providers/shop/appi/provisions?from=yesterday", "from")]
    [InlineData("api/v1/providers/shop/appi/receipts?until=2026-13-01", "until")]
    [InlineData("api/v1/providers/shop/appi/receipts?format=xml", "format")]
    [InlineData("api/v1/providers/shop/appi/receipts?limit=-1", "limit")]
    public async Task Bad_query_parameters_are_400_problems_naming_the_parameter(string path, string field)
    {
        var regulator = await fixture.PersonClientAsync("regina");
        using var response = await regulator.GetAsync(path);
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Records_of_an_unknown_provider_are_a_404_problem()
    {
        var regulator = await fixture.PersonClientAsync("regina");
        using var response = await regulator.GetAsync("api/v1/providers/nobody.example/appi/provisions");
        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "id");
    }

    private static async Task<JsonElement> TransferAsync(TestProvider shop, string id, string handle, string recipient, string? consentId)
    {
        var terms = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var result = (await shop.SubmitAsync(shop.Sign(shop.Transferred(id, handle, recipient, Email, Purpose, consentId, terms))))[0];
        Assert.Equal("recorded", result.Id("status"));
        return result;
    }

    private static async Task DeclareAsync(TestProvider provider, string certifications)
    {
        var profile = provider.Profile(TestProvider.NewId("profile"), level: 4).Replace("\"certifications\":[]", $"\"certifications\":{certifications}", StringComparison.Ordinal);
        Assert.Equal("recorded", (await provider.SubmitAsync(provider.Sign(profile)))[0].Id("status"));
    }

    /// <summary>Every item of a list, following its next cursors.</summary>
    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}{separator}limit=1000{(next is null ? "" : $"&after={next}")}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);
        return items;
    }

    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string path, bool accept = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return CsvTable.Records(text);
    }
}
