using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataCustody.Sdk.Models;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk.Http;

/// <summary>
/// Acquires client-credential access tokens and keeps the current one, renewing it ahead of its
/// expiry. One renewal at a time: concurrent callers that find the token due wait for the same request.
/// </summary>
internal sealed class ClientCredentialsTokenSource : IDisposable
{
    public const string HttpClientName = "DataCustody.Token";

    private readonly IHttpClientFactory _factory;
    private readonly DataCustodyOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile CachedToken? _token;
    private Uri? _tokenEndpoint;

    public ClientCredentialsTokenSource(IHttpClientFactory factory, IOptions<DataCustodyOptions> options, TimeProvider time)
    {
        _factory = factory;
        _options = options.Value;
        _time = time;
    }

    private int _requests;

    /// <summary>How many tokens were requested so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// A token valid for at least the renewal margin; or, while renewing fails, the current token until it expires.
    /// </summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _token;
        if (token is not null && _time.GetUtcNow() < token.RenewAt)
        {
            return token.Value;
        }
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed it while this one waited.
            token = _token;
            if (token is not null && _time.GetUtcNow() < token.RenewAt)
            {
                return token.Value;
            }
            try
            {
                var renewed = await RequestAsync(cancellationToken);
                _token = renewed;
                return renewed.Value;
            }
            catch (Exception) when (token is not null && !cancellationToken.IsCancellationRequested && _time.GetUtcNow() < token.ExpiresAt)
            {
                // Renewing ahead of expiry is a precaution: while the token endpoint is down the token still serves.
                // The next attempt waits until halfway to its expiry, so that the callers queued behind this one
                // do not each wait for a failing request. A token refused meanwhile stays forgotten.
                var now = _time.GetUtcNow();
                Interlocked.CompareExchange(ref _token, token with { RenewAt = now + ((token.ExpiresAt - now) / 2) }, token);
                return token.Value;
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/>, which the API refused, so that the next call asks for a new token.</summary>
    public void Invalidate(string rejected)
    {
        var current = _token;
        if (current is not null && current.Value == rejected)
        {
            Interlocked.CompareExchange(ref _token, null, current);
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.ClientId) || string.IsNullOrEmpty(_options.ClientSecret))
        {
            throw new InvalidOperationException("DataCustodyOptions.ClientId and ClientSecret are needed to call the provider API.");
        }
        var http = _factory.CreateClient(HttpClientName);
        var endpoint = _tokenEndpoint ??= _options.TokenEndpoint ?? await DiscoverAsync(http, cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
        };
        if (_options.Scopes.Count > 0)
        {
            form["scope"] = string.Join(' ', _options.Scopes);
        }
        Interlocked.Increment(ref _requests);
        var requestedAt = _time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        // Asking for another token changes nothing at the provider, so it is safe to retry.
        request.Options.Set(ApiRequestOptions.Idempotent, true);
        using var response = await http.SendAsync(request, cancellationToken);
        TokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
        {
            throw Failure(response, body?.Error ?? (response.IsSuccessStatusCode ? "no_token" : null), body?.ErrorDescription ?? "The token endpoint issued no access token.");
        }
        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 300);
        var margin = _options.TokenRenewalMargin < lifetime / 2 ? _options.TokenRenewalMargin : lifetime / 2;
        return new CachedToken(body.AccessToken!, requestedAt + lifetime - margin, requestedAt + lifetime);
    }

    private async Task<Uri> DiscoverAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var discovery = new Uri(_options.NormalizedBaseAddress, ".well-known/openid-configuration");
        using var response = await http.GetAsync(discovery, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiHttp.ProblemAsync(response, cancellationToken);
        }
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (document.ValueKind == JsonValueKind.Object
            && document.TryGetProperty("token_endpoint", out var endpoint)
            && endpoint.ValueKind == JsonValueKind.String
            && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var uri))
        {
            return uri;
        }
        throw new DataCustodyProblemException(response.StatusCode, new ProblemDetail(null, "No token endpoint", (int)response.StatusCode, "The discovery document names no token_endpoint.", "token_endpoint"));
    }

    private static DataCustodyProblemException Failure(HttpResponseMessage response, string? error, string description) =>
        new(response.StatusCode, new ProblemDetail(null, error is null ? "Token request failed" : $"Token request failed: {error}", (int)response.StatusCode, description, null));

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
