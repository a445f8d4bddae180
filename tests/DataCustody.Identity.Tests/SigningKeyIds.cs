using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>Which signing keys a provider publishes, and which one signed a token.</summary>
internal static class SigningKeyIds
{
    /// <summary>The <c>kid</c>s of the provider's JWKS, in the order it lists them.</summary>
    public static async Task<List<string>> PublishedAsync(Uri provider)
    {
        using var http = new HttpClient { BaseAddress = provider };
        var jwks = await http.GetFromJsonAsync<JsonElement>(".well-known/jwks");
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!)];
    }

    /// <summary>The <c>kid</c> in the header of a signed token.</summary>
    public static string Of(string token) => AuthorizationCodeClient.Header(token).GetProperty("kid").GetString()!;
}
