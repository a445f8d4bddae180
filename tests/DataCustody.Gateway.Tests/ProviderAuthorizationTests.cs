using System.Net;
using System.Text;

namespace DataCustody.Gateway.Tests;

/// <summary>Who may call the provider endpoints: anonymous 401, people 403 where provider-only, another provider 403.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class ProviderAuthorizationTests(GatewayApiFixture fixture)
{
    private const string AnyBody = "{}";

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "api/v1/providers" },
        { "GET", "api/v1/providers/shop" },
        { "GET", "api/v1/providers/shop/history" },
        { "POST", "api/v1/providers/shop/keys" },
        { "POST", "api/v1/providers/shop/keys/k1/retire" },
        { "GET", "api/v1/providers/shop/obligations" },
        { "GET", "api/v1/providers/shop/consents" },
        { "POST", "api/v1/statements" },
        { "POST", "api/v1/transfers/check" },
        { "POST", "api/v1/consent-requests" },
    };

    public static TheoryData<string, string> ProviderOnlyEndpoints => new()
    {
        { "POST", "api/v1/providers" },
        { "POST", "api/v1/providers/shop/keys" },
        { "POST", "api/v1/providers/shop/keys/k1/retire" },
        { "GET", "api/v1/providers/shop/consents" },
        { "GET", "api/v1/providers/shop/obligations" },
        { "POST", "api/v1/statements" },
        { "POST", "api/v1/transfers/check" },
        { "POST", "api/v1/consent-requests" },
    };

    public static TheoryData<string, string, string> OwnIdEndpoints => new()
    {
        { "POST", "api/v1/providers/shop/keys", """{"kid":"k-foreign","publicKey":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","validFrom":"2024-01-01T00:00:00Z"}""" },
        { "POST", "api/v1/providers/shop/keys/k1/retire", """{"at":"2025-01-01T00:00:00Z"}""" },
        { "GET", "api/v1/providers/shop/obligations", "" },
        { "GET", "api/v1/providers/shop/consents", "" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var response = await fixture.Anonymous.SendAsync(Request(method, path, AnyBody));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProviderOnlyEndpoints))]
    public async Task A_person_gets_403_from_provider_only_endpoints(string method, string path)
    {
        var alice = await fixture.PersonClientAsync("alice");
        using var response = await alice.SendAsync(Request(method, path, AnyBody));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OwnIdEndpoints))]
    public async Task Another_provider_gets_a_403_problem_acting_on_the_shops_id(string method, string path, string body)
    {
        await fixture.RegisteredProviderAsync("shop");
        var cloud = await fixture.ProviderClientAsync("cloud");
        using var response = await cloud.SendAsync(Request(method, path, body));
        await Problems.AssertAsync(response, HttpStatusCode.Forbidden, "id");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("regina")]
    [InlineData("audrey")]
    public async Task Every_signed_in_role_reads_a_provider(string person)
    {
        await fixture.RegisteredProviderAsync("shop");
        var client = await fixture.PersonClientAsync(person);
        using var response = await client.GetAsync("api/v1/providers/shop");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var history = await client.GetAsync("api/v1/providers/shop/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    [Fact]
    public async Task An_auditor_may_not_read_obligations()
    {
        var audrey = await fixture.PersonClientAsync("audrey");
        using var response = await audrey.GetAsync("api/v1/providers/shop/obligations");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string body) => new(new HttpMethod(method), path)
    {
        Content = method == "GET" ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };
}
