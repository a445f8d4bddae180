using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Gateway.Tests;

/// <summary>A demo provider that is registered and has an Ed25519 statement key, as a provider's system would be.</summary>
public sealed class TestProvider : IDisposable
{
    private TestProvider(HttpClient http, string providerId, string kid, Key key)
    {
        Http = http;
        ProviderId = providerId;
        Kid = kid;
        Key = key;
    }

    /// <summary>A client with the provider's token (owned by the fixture).</summary>
    public HttpClient Http { get; }

    /// <summary>The provider id its token names (the demo client id).</summary>
    public string ProviderId { get; }

    /// <summary>The key id of <see cref="Key"/>.</summary>
    public string Kid { get; }

    /// <summary>The private statement key.</summary>
    public Key Key { get; }

    /// <summary>Registers the provider (if it is not yet) and adds a fresh key valid from 2020.</summary>
    public static async Task<TestProvider> RegisterAsync(HttpClient http, string providerId)
    {
        using var registration = await http.PostAsJsonAsync("api/v1/providers", new
        {
            name = $"{providerId} Example K.K.",
            jurisdiction = "JP",
            sector = "Retail",
            contact = $"privacy@{providerId}.example",
        });
        if (registration.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"Registering {providerId}: {registration.StatusCode} {await registration.Content.ReadAsStringAsync()}");
        }
        var key = NewKey();
        var kid = NewKid();
        using var added = await http.PostAsJsonAsync($"api/v1/providers/{providerId}/keys", new
        {
            kid,
            publicKey = PublicKeyOf(key),
            validFrom = "2020-01-01T00:00:00Z",
        });
        if (added.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Adding a key to {providerId}: {added.StatusCode} {await added.Content.ReadAsStringAsync()}");
        }
        return new TestProvider(http, providerId, kid, key);
    }

    /// <summary>A new exportable-public Ed25519 key.</summary>
    public static Key NewKey() => Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>A key id no test used before.</summary>
    public static string NewKid() => "k-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A statement id no test used before.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The raw public key in unpadded base64url.</summary>
    public static string PublicKeyOf(Key key) => StrictBase64.EncodeUrl(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>An RFC 3339 time a minute ago.</summary>
    public static string RecentTime() => DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Signs <paramref name="payload"/> with this provider's key.</summary>
    public string Sign(string payload) => CompactJws.Sign(Key, Kid, Encoding.UTF8.GetBytes(payload));

    /// <summary>A <c>provider.profile</c> payload of this provider.</summary>
    public string Profile(string id, int level = 2, string? issuedAt = null, string? provider = null) => $$"""
        {"id":"{{id}}","issuedAt":"{{issuedAt ?? RecentTime()}}","type":"provider.profile","provider":"{{provider ?? ProviderId}}",
         "level":{{level}},"encryptionAtRest":true,"encryptionInTransit":true,"pseudonymisation":false,"accessLogging":true,
         "certifications":[],"storageJurisdictions":["JP"],"retentionDays":365,"subprocessors":[]}
        """;

    /// <summary>A <c>data.collected</c> payload of this provider.</summary>
    public string Collected(string id, string handle, string category, string purpose, string? consentId) => $$"""
        {"id":"{{id}}","issuedAt":"{{RecentTime()}}","type":"data.collected","provider":"{{ProviderId}}","handle":"{{handle}}",
         "categories":["{{category}}"],"purposes":["{{purpose}}"],"legalBasis":"{{(consentId is null ? "contract" : "consent")}}"{{(consentId is null ? "" : $",\"consentId\":\"{consentId}\"")}}}
        """;

    /// <summary>A <c>data.transferred</c> payload of this provider, on the legal basis of consent.</summary>
    public string Transferred(string id, string handle, string recipient, string category, string purpose, string? consentId, string termsSha256) => $$"""
        {"id":"{{id}}","issuedAt":"{{RecentTime()}}","type":"data.transferred","provider":"{{ProviderId}}",
         "handle":"{{handle}}","recipient":"{{recipient}}","categories":["{{category}}"],"purposes":["{{purpose}}"],
         "legalBasis":"consent"{{(consentId is null ? "" : $",\"consentId\":\"{consentId}\"")}},"termsSha256":"{{termsSha256}}"}
        """;

    /// <summary>Posts a batch and returns the response (the caller disposes it).</summary>
    public Task<HttpResponseMessage> PostBatchAsync(params string[] statements) =>
        Http.PostAsJsonAsync("api/v1/statements", new { statements });

    /// <summary>Posts a batch that must succeed and returns its results.</summary>
    public async Task<JsonElement[]> SubmitAsync(params string[] statements)
    {
        using var response = await PostBatchAsync(statements);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(statements.Length, results.Length);
        return results;
    }

    /// <summary>Records one new profile statement and returns its entry index: a marker of the log's size.</summary>
    public async Task<long> RecordMarkerAsync()
    {
        var result = (await SubmitAsync(Sign(Profile(NewId("marker")))))[0];
        Assert.Equal("recorded", result.GetProperty("status").GetString());
        return result.GetProperty("entryIndex").GetInt64();
    }

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();
}
