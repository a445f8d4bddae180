using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Gateway.Tests;

[Collection(GatewayApiCollection.Name)]
public sealed class ProvidersApiTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task Registering_returns_the_registration_once_and_409_after()
    {
        // "backup" is left unregistered by the fixture for this test.
        var backup = await fixture.ProviderClientAsync("backup");
        using var first = await backup.PostAsJsonAsync("api/v1/providers", new
        {
            name = "Backup Example K.K. (株式会社バックアップ例)",
            jurisdiction = "JP",
            sector = "Backup services",
            contact = "privacy@backup.example",
        });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/providers/backup", first.Headers.Location?.OriginalString);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("backup", body.GetProperty("providerId").GetString());
        Assert.Equal("Backup Example K.K. (株式会社バックアップ例)", body.GetProperty("name").GetString());
        Assert.Equal("JP", body.GetProperty("jurisdiction").GetString());
        Assert.Equal("Backup services", body.GetProperty("sector").GetString());
        Assert.Equal("privacy@backup.example", body.GetProperty("contact").GetString());
        var registeredIndex = body.GetProperty("registeredIndex").GetInt64();
        Assert.True(registeredIndex >= 0);

        using var again = await backup.PostAsJsonAsync("api/v1/providers", new { name = "Other", jurisdiction = "JP", sector = "x", contact = "y" });
        await Problems.AssertAsync(again, HttpStatusCode.Conflict);

        var alice = await fixture.PersonClientAsync("alice");
        var read = await alice.GetFromJsonAsync<JsonElement>("api/v1/providers/backup");
        Assert.Equal("Backup Example K.K. (株式会社バックアップ例)", read.GetProperty("name").GetString());
        Assert.Equal(registeredIndex, read.GetProperty("registeredIndex").GetInt64());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("currentProfile").ValueKind);
    }

    [Theory]
    [InlineData("""{"jurisdiction":"JP","sector":"s","contact":"c"}""", "name")]
    [InlineData("""{"name":"n","jurisdiction":"XX","sector":"s","contact":"c"}""", "jurisdiction")]
    [InlineData("""{"name":"n","jurisdiction":"jp","sector":"s","contact":"c"}""", "jurisdiction")]
    [InlineData("""{"name":"","jurisdiction":"JP","sector":"s","contact":"c"}""", "name")]
    [InlineData("""{"name":"n","jurisdiction":"JP","sector":"s","contact":"c","extra":1}""", "extra")]
    [InlineData("""{"name":5,"jurisdiction":"JP","sector":"s","contact":"c"}""", "name")]
    public async Task Invalid_registrations_are_400_problems_naming_the_field(string json, string field)
    {
        var cloud = await fixture.ProviderClientAsync("cloud");
        using var response = await cloud.PostAsync("api/v1/providers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_404_problem()
    {
        var alice = await fixture.PersonClientAsync("alice");
        using var response = await alice.GetAsync("api/v1/providers/nobody.example");
        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "id");
        using var history = await alice.GetAsync("api/v1/providers/nobody.example/history");
        await Problems.AssertAsync(history, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Keys_are_added_listed_by_lookup_and_retired()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        using var key = TestProvider.NewKey();
        var kid = TestProvider.NewKid();
        using var added = await shop.Http.PostAsJsonAsync("api/v1/providers/shop/keys", new
        {
            kid,
            publicKey = TestProvider.PublicKeyOf(key),
            validFrom = "2024-01-01T00:00:00Z",
            validUntil = "2099-01-01T00:00:00+09:00",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(kid, body.GetProperty("kid").GetString());
        Assert.Equal(TestProvider.PublicKeyOf(key), body.GetProperty("publicKey").GetString());
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), body.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2098, 12, 31, 15, 0, 0, TimeSpan.Zero), body.GetProperty("validUntil").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("retiredAt").ValueKind);

        using var reused = await shop.Http.PostAsJsonAsync("api/v1/providers/shop/keys", new
        {
            kid,
            publicKey = TestProvider.PublicKeyOf(key),
            validFrom = "2024-01-01T00:00:00Z",
        });
        await Problems.AssertAsync(reused, HttpStatusCode.UnprocessableEntity, "kid");

        using var retired = await shop.Http.PostAsJsonAsync($"api/v1/providers/shop/keys/{kid}/retire", new { at = "2025-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var retiredBody = await retired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), retiredBody.GetProperty("retiredAt").GetDateTimeOffset());

        // A statement issued after the retirement is refused, naming the key.
        var statement = Transparency.Jws.CompactJws.Sign(key, kid, System.Text.Encoding.UTF8.GetBytes(shop.Profile(TestProvider.NewId("after-retire"))));
        var results = await shop.SubmitAsync(statement);
        Problems.AssertRejected(results[0], "statements[0].header.kid");

        using var twice = await shop.Http.PostAsJsonAsync($"api/v1/providers/shop/keys/{kid}/retire", new { at = "2025-01-01T00:00:00Z" });
        await Problems.AssertAsync(twice, HttpStatusCode.Conflict);
        using var unknown = await shop.Http.PostAsJsonAsync("api/v1/providers/shop/keys/no-such-kid/retire", new { at = "2025-01-01T00:00:00Z" });
        await Problems.AssertAsync(unknown, HttpStatusCode.UnprocessableEntity, "kid");
    }

    [Theory]
    [InlineData("""{"kid":"bad kid","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","validFrom":"2024-01-01T00:00:00Z"}""", "kid")]
    [InlineData("""{"kid":"k1","publicKey":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo","validFrom":"2024-01-01T00:00:00Z"}""", "publicKey")]
    [InlineData("""{"kid":"k1","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=","validFrom":"2024-01-01T00:00:00Z"}""", "publicKey")]
    [InlineData("""{"kid":"k1","publicKey":"AAAA","validFrom":"2024-01-01T00:00:00Z"}""", "publicKey")]
    [InlineData("""{"kid":"k1","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "validFrom")]
    [InlineData("""{"kid":"k1","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","validFrom":"2024-01-01T00:00:00Z","validUntil":"2023-01-01T00:00:00Z"}""", "validUntil")]
    [InlineData("""{"kid":"k1","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","validFrom":"not a time"}""", "validFrom")]
    public async Task Invalid_keys_are_400_problems_naming_the_field(string json, string field)
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        using var response = await shop.Http.PostAsync("api/v1/providers/shop/keys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_declared_profile_shows_in_the_provider_and_its_history()
    {
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        var id = TestProvider.NewId("profile");
        var result = (await delivery.SubmitAsync(delivery.Sign(delivery.Profile(id, level: 3))))[0];
        Assert.Equal("recorded", result.GetProperty("status").GetString());

        var regina = await fixture.PersonClientAsync("regina");
        var provider = await regina.GetFromJsonAsync<JsonElement>("api/v1/providers/delivery");
        var profile = provider.GetProperty("currentProfile");
        Assert.Equal(3, profile.GetProperty("level").GetInt32());
        Assert.Equal(result.GetProperty("entryIndex").GetInt64(), profile.GetProperty("entryIndex").GetInt64());
        Assert.Equal(id, profile.GetProperty("statement").GetProperty("id").GetString());

        var history = await regina.GetFromJsonAsync<JsonElement>("api/v1/providers/delivery/history");
        Assert.Contains(history.GetProperty("profiles").EnumerateArray(), p => p.GetProperty("statement").GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.Array, history.GetProperty("terms").ValueKind);
    }
}
