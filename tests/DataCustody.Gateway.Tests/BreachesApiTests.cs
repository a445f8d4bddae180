using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DataCustody.Gateway.Apis.Breaches;
using DataCustody.Gateway.Tests.Authorization;
using DataCustody.Gateway.Tests.People;
using DataCustody.Storage.Custody;

namespace DataCustody.Gateway.Tests;

/// <summary>
/// A breach over real HTTP: the breached provider reports it with a signed statement and reads its own
/// impact; the regulator assesses it, which tells the person, and exports the report as JSON, CSV and HTML; the
/// provider that had passed the data to the breached one answers the review asked of it.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class BreachesApiTests(GatewayApiFixture fixture)
{
    private const string Involved = "user.biometric";

    // The category of the review test, which only it passes to the cloud host.
    private const string Located = "user.location.precise";

    [Fact]
    public async Task A_reported_breach_is_assessed_exported_and_told_to_the_person()
    {
        var cloud = await fixture.RegisteredProviderAsync("cloud");
        var bob = await fixture.PersonClientAsync("bob");
        using var granted = await bob.PostAsJsonAsync("api/v1/me/consents", new { holder = "cloud", terms = MatrixData.Terms() });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consent = await granted.Content.ReadFromJsonAsync<JsonElement>();
        var handle = consent.GetProperty("handle").GetString()!;
        var consentId = consent.GetProperty("consentId").GetString()!;
        var from = TestProvider.RecentTime();
        await cloud.SubmitAsync(cloud.Sign(cloud.Collected(TestProvider.NewId("c"), handle, MatrixData.Category, MatrixData.Purpose, consentId)));
        // Other tests leave data at the cloud host too; this breach involves a category only this test stores there.
        await cloud.SubmitAsync(cloud.Sign(cloud.Collected(TestProvider.NewId("c"), handle, Involved, MatrixData.Purpose, null)));

        var breachId = "br_" + Guid.NewGuid().ToString("N");
        var reported = (await cloud.SubmitAsync(cloud.Sign(Reported(breachId, from, Involved))))[0];
        Assert.Equal("recorded", reported.GetProperty("status").GetString());

        // The breached provider reads its own impact; another provider cannot tell the breach exists.
        var impact = await cloud.Http.GetFromJsonAsync<JsonElement>($"api/v1/breaches/{breachId}/impact");
        Assert.Equal(1, impact.GetProperty("assessment").GetProperty("figures").GetProperty("people").GetInt32());
        Assert.False(impact.GetProperty("logged").GetBoolean());
        var shop = await fixture.RegisteredProviderAsync("shop");
        using (var hidden = await shop.Http.GetAsync($"api/v1/breaches/{breachId}"))
        {
            await Problems.AssertAsync(hidden, HttpStatusCode.NotFound, "id");
        }

        // An update cannot take the breach back to an earlier stage.
        var contained = (await cloud.SubmitAsync(cloud.Sign(Updated(breachId, "contained"))))[0];
        Assert.Equal("recorded", contained.GetProperty("status").GetString());
        Problems.AssertRejected((await cloud.SubmitAsync(cloud.Sign(Updated(breachId, "investigating"))))[0], "statements[0].payload.status");

        var regulator = await fixture.PersonClientAsync("regina");
        string[] affected = ["holder,role,handle,categories", $"cloud,breached,{handle},{Involved}"];
        // Before an assessment the affected list is computed as the log stands; after it, it is the list stored with the messages.
        Assert.Equal(affected, (await regulator.GetStringAsync($"api/v1/breaches/{breachId}/report?format=csv")).TrimEnd().Split("\r\n"));
        using var assessed = await regulator.PostAsync($"api/v1/breaches/{breachId}/assessments", null);
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var report = await assessed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("logged").GetBoolean());
        Assert.Equal(1, report.GetProperty("assessment").GetProperty("notified").GetInt32());
        Assert.Equal("contained", report.GetProperty("breach").GetProperty("status").GetString());

        var inbox = await bob.GetFromJsonAsync<JsonElement>("api/v1/me/inbox");
        Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("kind").GetString() == "breach" && m.GetProperty("body").GetString()!.Contains(breachId, StringComparison.Ordinal));

        var csv = await regulator.GetStringAsync($"api/v1/breaches/{breachId}/report?format=csv");
        Assert.Equal(affected, csv.TrimEnd().Split("\r\n"));
        using var html = await regulator.GetAsync($"api/v1/breaches/{breachId}/report?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains(Involved, page, StringComparison.Ordinal);
        using var pdf = await regulator.GetAsync($"api/v1/breaches/{breachId}/report?format=pdf");
        await Problems.AssertAsync(pdf, HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task An_upstream_provider_answers_its_review_with_a_signed_breach_reviewed()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var cloud = await fixture.RegisteredProviderAsync("cloud");
        var bob = await fixture.PersonClientAsync("bob");
        var from = TestProvider.RecentTime();
        var consent = await PersonSteps.GrantAsync(bob, "shop", Located);
        var handle = consent.Id("handle");
        await PersonSteps.CollectAsync(shop, handle, consent.Id("consentId"), Located);
        var terms = Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var transferred = (await shop.SubmitAsync(shop.Sign(shop.Transferred(TestProvider.NewId("transfer"), handle, "cloud", Located, PersonSteps.Purpose, null, terms))))[0];
        Assert.Equal("recorded", transferred.Id("status"));
        var breachId = "br_" + Guid.NewGuid().ToString("N");
        Assert.Equal("recorded", (await cloud.SubmitAsync(cloud.Sign(Reported(breachId, from, Located))))[0].Id("status"));
        var regulator = await fixture.PersonClientAsync("regina");
        using (var assessed = await regulator.PostAsync($"api/v1/breaches/{breachId}/assessments", null))
        {
            Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        }

        var due = await ReviewAsync(shop, breachId);
        Assert.Equal(("cloud", "due", JsonValueKind.Null), (due.Id("breachedHolder"), due.Id("status"), due.GetProperty("reviewedIndex").ValueKind));
        var answered = (await shop.SubmitAsync(shop.Sign(Reviewed(breachId, due.Id("obligationId")))))[0];
        Assert.Equal("recorded", answered.Id("status"));

        var reviewed = await ReviewAsync(shop, breachId);
        Assert.Equal(("reviewed", answered.GetProperty("entryIndex").GetInt64()), (reviewed.Id("status"), reviewed.GetProperty("reviewedIndex").GetInt64()));
        Assert.InRange(reviewed.GetProperty("reviewedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        Problems.AssertRejected((await shop.SubmitAsync(shop.Sign(Reviewed(breachId, due.Id("obligationId")))))[0], "statements[0].payload.obligationId");
    }

    [Theory]
    [InlineData(-1, null, "due")]
    [InlineData(1, null, "overdue")]
    [InlineData(1, 42L, "reviewed")]
    public void A_review_is_overdue_once_its_deadline_passed_unanswered(int daysAfterDeadline, long? reviewedIndex, string status)
    {
        var dueAt = new DateTimeOffset(2026, 6, 24, 2, 5, 0, TimeSpan.Zero);
        var row = new BreachReviewRow
        {
            ObligationId = "obl_Rv8Kp3Wd6Zq1", BreachId = "br_Cl0udBkt20260609", Holder = "shop", BreachedHolder = "cloud", People = 1,
            DueAtMs = dueAt.ToUnixTimeMilliseconds(), DueIndex = 7, ReviewedIndex = reviewedIndex, ReviewedAtMs = reviewedIndex is null ? null : dueAt.ToUnixTimeMilliseconds(),
        };

        Assert.Equal(status, BreachReviewResponse.From(row, dueAt.AddDays(daysAfterDeadline)).Status);
    }

    public static TheoryData<string, string?, HttpStatusCode, string> BadFilings => new()
    {
        { "severity", "\"urgent\"", HttpStatusCode.BadRequest, "severity" },
        { "windowUntil", "\"2020-01-01T00:00:00Z\"", HttpStatusCode.BadRequest, "windowUntil" },
        { "categories", "[\"user.nope\"]", HttpStatusCode.BadRequest, "categories[0]" },
        { "estimatedRecords", "-1", HttpStatusCode.BadRequest, "estimatedRecords" },
        { "summary", null, HttpStatusCode.BadRequest, "summary" },
        { "id", "\"mine\"", HttpStatusCode.BadRequest, "id" },
        { "holder", "\"nobody.example\"", HttpStatusCode.UnprocessableEntity, "holder" },
    };

    [Theory]
    [MemberData(nameof(BadFilings))]
    public async Task A_bad_filing_is_refused_naming_the_field(string member, string? json, HttpStatusCode status, string field)
    {
        await fixture.RegisteredProviderAsync("shop");
        var regulator = await fixture.PersonClientAsync("regina");
        var body = JsonSerializer.SerializeToNode(MatrixData.Breach())!.AsObject();
        if (json is null)
        {
            body.Remove(member);
        }
        else
        {
            body[member] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }

        using var response = await regulator.PostAsJsonAsync("api/v1/breaches", body);

        await Problems.AssertAsync(response, status, field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1001")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_breach_list_limit_out_of_range_is_refused_naming_it(string limit)
    {
        var regulator = await fixture.PersonClientAsync("regina");

        using var response = await regulator.GetAsync($"api/v1/breaches?limit={limit}");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_breach_list_returns_at_most_its_limit()
    {
        await fixture.RegisteredProviderAsync("shop");
        var regulator = await fixture.PersonClientAsync("regina");
        for (var i = 0; i < 2; i++)
        {
            using var filed = await regulator.PostAsJsonAsync("api/v1/breaches", MatrixData.Breach());
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        var one = await regulator.GetFromJsonAsync<JsonElement>("api/v1/breaches?limit=1");

        Assert.Equal(1, one.GetArrayLength());
    }

    /// <summary>The review of <paramref name="breachId"/> asked of <paramref name="provider"/>, as it serves it.</summary>
    private static async Task<JsonElement> ReviewAsync(TestProvider provider, string breachId) =>
        (await provider.Http.GetFromJsonAsync<JsonElement>($"api/v1/providers/{provider.ProviderId}/breach-reviews"))
            .EnumerateArray().Single(r => r.Id("breachId") == breachId);

    private static string Reviewed(string breachId, string obligationId) => $$"""
        {"id":"{{TestProvider.NewId("review")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"breach.reviewed","provider":"shop","breachId":"{{breachId}}",
         "obligationId":"{{obligationId}}","findings":"We had passed precise locations of a customer to cloud under our hosting contract.",
         "measures":"We stopped passing data to cloud and told the customer."}
        """;

    private static string Reported(string breachId, string from, string category) => $$"""
        {"id":"{{TestProvider.NewId("breach")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"breach.reported","provider":"cloud","breachId":"{{breachId}}",
         "summary":"A storage bucket was readable from the internet.","windowFrom":"{{from}}","windowUntil":"{{DateTimeOffset.UtcNow.AddMinutes(1):yyyy-MM-dd'T'HH:mm:ss'Z'}}",
         "categories":["{{category}}"],"cause":"A misconfigured access policy.","discoveredAt":"{{TestProvider.RecentTime()}}","discoveredHow":"Our own monitoring.",
         "severity":"high","estimatedRecords":1,"measures":"The bucket was closed.","contact":"security@cloud.example","wrongfulPurpose":false,"financialLossRisk":false}
        """;

    private static string Updated(string breachId, string status) => $$"""
        {"id":"{{TestProvider.NewId("update")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"breach.updated","provider":"cloud","breachId":"{{breachId}}",
         "status":"{{status}}","note":"The exposure has stopped."}
        """;
}
