using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DataCustody.Cli.Api;

/// <summary>The few calls of the broker's HTTP API the tool makes: JSON in, JSON out, problems as <see cref="BrokerProblemException"/>.</summary>
internal sealed class BrokerApi(HttpClient http, string? accessToken)
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>An HTTP client for the broker at <paramref name="url"/> (a trailing slash is added).</summary>
    public static HttpClient CreateHttp(Uri url)
    {
        var text = url.AbsoluteUri;
        return new HttpClient { BaseAddress = new Uri(text.EndsWith('/') ? text : text + "/"), Timeout = RequestTimeout };
    }

    public HttpClient Http { get; } = http;

    /// <summary>A client-credentials access token from the broker's <c>/connect/token</c>.</summary>
    public static async Task<string> ClientCredentialsTokenAsync(HttpClient http, string clientId, string secret, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var response = await http.PostAsync("connect/token", content, cancellationToken);
        return await ReadAccessTokenAsync($"token for client {clientId}", response, cancellationToken);
    }

    /// <summary>The <c>access_token</c> of a successful token response.</summary>
    public static async Task<string> ReadAccessTokenAsync(string request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await BrokerProblemException.ReadAsync(request, response, cancellationToken);
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } text
            ? text
            : throw new BrokerProblemException(request, (int)response.StatusCode, "no access token", null, "The token endpoint answered without an access_token.");
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>Sends a JSON request and returns the JSON answer (an empty object for an empty body).</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await BrokerProblemException.ReadAsync($"{method} {path}", response, cancellationToken);
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Sends a request and returns the answer whatever its status; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }
        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Escapes one path segment.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
