using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>
/// What the matrix's rows name: person A's consents and requests (fresh, so that the one successful
/// change per row is A's), A's handle at provider P, a spare key of P to retire and a statement of P.
/// </summary>
public sealed class MatrixData
{
    public const string Category = "user.contact.email";
    public const string Purpose = "essential.service.payment_processing";

    private MatrixData(TestProvider shop) => Shop = shop;

    /// <summary>Provider P, registered, with its statement key.</summary>
    public TestProvider Shop { get; }

    public string ConsentToRevoke { get; private set; } = "";

    public string ConsentToKeep { get; private set; } = "";

    public string AliceHandleAtShop { get; private set; } = "";

    public string RequestToApprove { get; private set; } = "";

    public string RequestToReject { get; private set; } = "";

    public string SpareKid { get; private set; } = "";

    /// <summary>The id of a statement P recorded.</summary>
    public string StatementOfShop { get; private set; } = "";

    /// <summary>A breach at P, filed by the regulator.</summary>
    public string BreachAtShop { get; private set; } = "";

    /// <summary>Sets up the data through the API itself, as the callers would.</summary>
    public static async Task<MatrixData> CreateAsync(GatewayApiFixture fixture)
    {
        var data = new MatrixData(await fixture.RegisteredProviderAsync("shop"));
        await fixture.RegisteredProviderAsync("delivery");
        var alice = await fixture.PersonClientAsync("alice");
        var toRevoke = await GrantAsync(alice);
        data.ConsentToRevoke = toRevoke.GetProperty("consentId").GetString()!;
        data.AliceHandleAtShop = toRevoke.GetProperty("handle").GetString()!;
        data.ConsentToKeep = (await GrantAsync(alice)).GetProperty("consentId").GetString()!;
        data.RequestToApprove = await RequestAsync(data.Shop.Http, data.AliceHandleAtShop);
        data.RequestToReject = await RequestAsync(data.Shop.Http, data.AliceHandleAtShop);
        var key = data.NewKeyBody();
        using var added = await data.Shop.Http.PostAsJsonAsync("api/v1/providers/shop/keys", key);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        data.SpareKid = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString()!;
        var recorded = (await data.Shop.SubmitAsync(data.ShopMarker()))[0];
        Assert.Equal("recorded", recorded.GetProperty("status").GetString());
        data.StatementOfShop = recorded.GetProperty("statementId").GetString()!;
        var regulator = await fixture.PersonClientAsync("regina");
        using var filed = await regulator.PostAsJsonAsync("api/v1/breaches", Breach());
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        data.BreachAtShop = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("breachId").GetString()!;
        return data;
    }

    /// <summary>A breach at P as a regulator files it.</summary>
    public static object Breach() => new
    {
        holder = "shop",
        summary = "A backup of the order database was left readable.",
        windowFrom = TestProvider.RecentTime(),
        windowUntil = TestProvider.RecentTime(),
        categories = new[] { Category },
        cause = "A misconfigured storage policy.",
        discoveredAt = TestProvider.RecentTime(),
        discoveredHow = "A customer's report.",
        severity = "medium",
        estimatedRecords = 10,
        measures = "The backup was removed.",
        contact = "privacy@shop.example",
        wrongfulPurpose = false,
        financialLossRisk = false,
    };

    /// <summary>Consent terms for <see cref="Category"/>.</summary>
    public static object Terms() => new
    {
        categories = new[] { Category },
        purposes = new[] { Purpose },
        onwardTransfer = new { allowed = true, recipients = new[] { "delivery" }, termsSha256 = Array.Empty<string>() },
        retentionDays = 30,
        expiresAt = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>A body adding a fresh key to P.</summary>
    public object NewKeyBody()
    {
        using var key = TestProvider.NewKey();
        return new { kid = TestProvider.NewKid(), publicKey = TestProvider.PublicKeyOf(key), validFrom = DateTimeOffset.UtcNow.AddMinutes(-5) };
    }

    /// <summary>A fresh signed statement of P.</summary>
    public string ShopMarker() => Shop.Sign(Shop.Profile(TestProvider.NewId("matrix")));

    private static async Task<JsonElement> GrantAsync(HttpClient person)
    {
        using var response = await person.PostAsJsonAsync("api/v1/me/consents", new { holder = "shop", terms = Terms() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> RequestAsync(HttpClient provider, string handle)
    {
        using var response = await provider.PostAsJsonAsync("api/v1/consent-requests", new { handle, terms = Terms() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
    }
}
