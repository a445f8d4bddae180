using System.Net;
using System.Text.Json;

namespace DataCustody.Gateway.Tests;

[Collection(GatewayApiCollection.Name)]
public sealed class ApiReferenceTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_provider_API_and_its_bearer_scheme()
    {
        var document = JsonDocument.Parse(await fixture.Anonymous.GetStringAsync("openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/providers", "/api/v1/providers/{id}", "/api/v1/providers/{id}/history", "/api/v1/providers/{id}/keys",
            "/api/v1/providers/{id}/keys/{kid}/retire", "/api/v1/providers/{id}/obligations", "/api/v1/providers/{id}/consents",
            "/api/v1/statements", "/api/v1/statements/{id}/entry", "/api/v1/transfers/check", "/api/v1/consent-requests" })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the document");
        }
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var submit = (paths.TryGetProperty("/api/v1/statements", out var p) ? p : paths.GetProperty("/api/v1/statements/")).GetProperty("post");
        Assert.True(submit.TryGetProperty("security", out var security) && security.GetArrayLength() > 0);
        Assert.True(submit.TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_without_sign_in()
    {
        using var response = await fixture.Anonymous.GetAsync("docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType);
    }
}
