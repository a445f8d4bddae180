using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Identity.Tests;

public sealed class DiscoveryTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Discovery_names_the_endpoints_and_advertises_only_S256()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        var discovery = await http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration");

        Assert.Equal(fixture.BaseAddress.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(fixture.BaseAddress, "connect/authorize").ToString(), discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(new Uri(fixture.BaseAddress, "connect/token").ToString(), discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(fixture.BaseAddress, "connect/endsession").ToString(), discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(new Uri(fixture.BaseAddress, ".well-known/jwks").ToString(), discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["code"], discovery.GetProperty("response_types_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_key_set_publishes_the_public_half_of_an_RSA_signing_key()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        var jwks = await http.GetFromJsonAsync<JsonElement>(".well-known/jwks");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the private exponent is not published");
    }
}
