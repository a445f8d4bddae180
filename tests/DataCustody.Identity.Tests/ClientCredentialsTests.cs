using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

public sealed class ClientCredentialsTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task A_provider_client_gets_a_signed_access_token_naming_its_role_and_provider()
    {
        var token = await DemoTokens.ForClientAsync(fixture.BaseAddress, "shop");

        var header = AuthorizationCodeClient.Header(token);
        var claims = AuthorizationCodeClient.Claims(token);
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.Equal("shop", claims.GetProperty("sub").GetString());
        Assert.Equal("provider", claims.GetProperty("role").GetString());
        Assert.Equal("shop", claims.GetProperty("provider_id").GetString());
        Assert.Equal("datacustody-api", claims.GetProperty("aud").GetString());
        Assert.Equal(fixture.BaseAddress.ToString(), claims.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task The_bearer_scheme_admits_a_provider_to_the_provider_policy_only()
    {
        var token = await DemoTokens.ForClientAsync(fixture.BaseAddress, "delivery");
        using var provider = DemoTokens.WithBearer(fixture.BaseAddress, token);

        var claims = await provider.GetFromJsonAsync<JsonElement>(IdentityHost.ProviderProbe);
        var asRegulator = await provider.GetAsync(IdentityHost.RegulatorProbe);

        Assert.Contains(claims.EnumerateArray(), c => c.GetProperty("type").GetString() == "provider_id" && c.GetProperty("value").GetString() == "delivery");
        Assert.Equal(HttpStatusCode.Forbidden, asRegulator.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_problem()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseAddress };

        var response = await anonymous.GetAsync(IdentityHost.ProviderProbe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var token = await DemoTokens.ForClientAsync(fixture.BaseAddress, "shop");
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string(parts[2].Reverse().ToArray());
        using var client = DemoTokens.WithBearer(fixture.BaseAddress, forged);

        var response = await client.GetAsync(IdentityHost.ProviderProbe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("shop", "cloud-demo-secret", "invalid_client")]
    [InlineData("nobody", "shop-demo-secret", "invalid_client")]
    [InlineData("shop", "", "invalid_request")]
    // A public client has no secret to prove who it is, so whatever it sends is refused.
    [InlineData(DemoTokens.CliClientId, "anything", "invalid_client")]
    public async Task A_wrong_secret_or_unknown_client_gets_no_token(string clientId, string secret, string error)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        var response = await http.PostAsync("connect/token", DemoTokens.ClientCredentials(clientId, secret));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }
}
