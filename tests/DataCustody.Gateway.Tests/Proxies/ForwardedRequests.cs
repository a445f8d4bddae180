using System.Net;
using DataCustody.Identity.Provider;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests.Proxies;

/// <summary>Requests as a reverse proxy passes them on: with the client's address in <c>X-Forwarded-For</c>.</summary>
internal static class ForwardedRequests
{
    /// <summary>
    /// A sign-in attempt on behalf of <paramref name="client"/> (none: the connection's own address). The form has
    /// no antiforgery token, so the provider refuses it with 400 without checking a password; it still spends one
    /// of the sign-in limit's permits, or gets 429 when none are left.
    /// </summary>
    public static async Task<HttpStatusCode> SignInAsync(HttpClient http, string? client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderPaths.SignIn.TrimStart('/')) { Content = new FormUrlEncodedContent([]) };
        using var response = await http.SendAsync(From(request, client));
        return response.StatusCode;
    }

    /// <summary>A client-credentials token request of a demo client on behalf of <paramref name="client"/>.</summary>
    public static async Task<HttpStatusCode> TokenAsync(HttpClient http, string? client, string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderPaths.Token.TrimStart('/')) { Content = DemoTokens.ClientCredentials(clientId, secret) };
        using var response = await http.SendAsync(From(request, client));
        return response.StatusCode;
    }

    private static HttpRequestMessage From(HttpRequestMessage request, string? client)
    {
        if (client is not null)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }
        return request;
    }
}
