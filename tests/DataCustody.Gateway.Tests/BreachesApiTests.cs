using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Gateway.Tests.Authorization;

namespace DataCustody.Gateway.Tests;

/// <summary>
/// A breach over real HTTP: the breached provider reports it with a signed statement and reads its own
/// impact; the regulator assesses it, which tells the person, and exports the report as JSON, CSV and HTML.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class BreachesApiTests(GatewayApiFixture fixture)
{
    private const string Involved = "user.biometric";

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
        var reported = (await cloud.SubmitAsync(cloud.Sign(Reported(breachId, from))))[0];
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
        using var assessed = await regulator.PostAsync($"api/v1/breaches/{breachId}/assessments", null);
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var report = await assessed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("logged").GetBoolean());
        Assert.Equal(1, report.GetProperty("assessment").GetProperty("notified").GetInt32());
        Assert.Equal("contained", report.GetProperty("breach").GetProperty("status").GetString());

        var inbox = await bob.GetFromJsonAsync<JsonElement>("api/v1/me/inbox");
        Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("kind").GetString() == "breach" && m.GetProperty("body").GetString()!.Contains(breachId, StringComparison.Ordinal));

        var csv = await regulator.GetStringAsync($"api/v1/breaches/{breachId}/report?format=csv");
        Assert.Equal(["holder,role,handle,categories", $"cloud,breached,{handle},{Involved}"], csv.TrimEnd().Split("\r\n"));
        using var html = await regulator.GetAsync($"api/v1/breaches/{breachId}/report?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains(Involved, page, StringComparison.Ordinal);
        using var pdf = await regulator.GetAsync($"api/v1/breaches/{breachId}/report?format=pdf");
        await Problems.AssertAsync(pdf, HttpStatusCode.BadRequest, "format");
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

    private static string Reported(string breachId, string from) => $$"""
        {"id":"{{TestProvider.NewId("breach")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"breach.reported","provider":"cloud","breachId":"{{breachId}}",
         "summary":"A storage bucket was readable from the internet.","windowFrom":"{{from}}","windowUntil":"{{DateTimeOffset.UtcNow.AddMinutes(1):yyyy-MM-dd'T'HH:mm:ss'Z'}}",
         "categories":["{{Involved}}"],"cause":"A misconfigured access policy.","discoveredAt":"{{TestProvider.RecentTime()}}","discoveredHow":"Our own monitoring.",
         "severity":"high","estimatedRecords":1,"measures":"The bucket was closed.","contact":"security@cloud.example","wrongfulPurpose":false,"financialLossRisk":false}
        """;

    private static string Updated(string breachId, string status) => $$"""
        {"id":"{{TestProvider.NewId("update")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"breach.updated","provider":"cloud","breachId":"{{breachId}}",
         "status":"{{status}}","note":"The exposure has stopped."}
        """;
}
