using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

namespace DataCustody.Testing;

/// <summary>
/// Plays a browser through the authorization code flow with PKCE against a DataCustody provider:
/// keeps cookies, follows no redirect by itself, and fills in the sign-in form like a person would.
/// Each step is its own method so tests can tamper with one of them.
/// </summary>
public sealed partial class AuthorizationCodeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    /// <summary>A browser with an empty cookie jar, talking to the provider at <paramref name="baseAddress"/>.</summary>
    public AuthorizationCodeClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = _cookies })
        {
            BaseAddress = baseAddress,
        };
    }

    /// <summary>A PKCE code verifier and its S256 challenge (RFC 7636 §4.1–4.2).</summary>
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>Sends the browser to the authorization endpoint, with <c>prompt</c> and <c>max_age</c> when given.</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(
        string clientId,
        string redirectUri,
        string codeChallenge,
        string? codeChallengeMethod = "S256",
        string scope = "openid profile offline_access",
        string? prompt = null,
        TimeSpan? maxAge = null)
    {
        var query = HttpUtility.ParseQueryString(string.Empty);
        query["client_id"] = clientId;
        query["redirect_uri"] = redirectUri;
        query["response_type"] = "code";
        query["scope"] = scope;
        query["state"] = Base64Url(RandomNumberGenerator.GetBytes(16));
        query["nonce"] = Base64Url(RandomNumberGenerator.GetBytes(16));
        query["code_challenge"] = codeChallenge;
        if (codeChallengeMethod is not null)
        {
            query["code_challenge_method"] = codeChallengeMethod;
        }
        if (prompt is not null)
        {
            query["prompt"] = prompt;
        }
        if (maxAge is { } age)
        {
            query["max_age"] = ((long)age.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return _http.GetAsync($"connect/authorize?{query}");
    }

    /// <summary>Opens the sign-in form a redirect points at and submits it with these credentials.</summary>
    public async Task<HttpResponseMessage> SignInAsync(Uri signInForm, string username, string password) =>
        await SubmitFormAsync(await _http.GetStringAsync(signInForm), new Dictionary<string, string> { ["username"] = username, ["password"] = password });

    /// <summary>Submits the form of <paramref name="page"/> with its hidden fields and <paramref name="fields"/>, as a person filling it in would.</summary>
    public Task<HttpResponseMessage> SubmitFormAsync(string page, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return PostFormAsync(WebUtility.HtmlDecode(FormAction().Match(page).Groups["action"].Value), form);
    }

    /// <summary>Posts <paramref name="fields"/> to a page, as any form, also one on another site, can make the browser do.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IReadOnlyDictionary<string, string> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Opens a page, as a person typing its address would.</summary>
    public Task<HttpResponseMessage> OpenAsync(string relativeUrl) => _http.GetAsync(relativeUrl);

    /// <summary>The <c>Cookie</c> header this browser sends with a request for <paramref name="relativeUrl"/>.</summary>
    public string CookieHeader(string relativeUrl) => _cookies.GetCookieHeader(new Uri(_http.BaseAddress!, relativeUrl));

    /// <summary>Follows one redirect (a relative or absolute <c>Location</c>) of the provider.</summary>
    public Task<HttpResponseMessage> FollowAsync(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        return _http.GetAsync(redirect.Headers.Location ?? throw new InvalidOperationException($"{(int)redirect.StatusCode} is not a redirect."));
    }

    /// <summary>
    /// Runs the whole flow for a person and returns the authorization code the provider sent to
    /// <paramref name="redirectUri"/>.
    /// </summary>
    public async Task<string> SignInForCodeAsync(string clientId, string redirectUri, string codeChallenge, string username, string password)
    {
        var toSignIn = await AuthorizeAsync(clientId, redirectUri, codeChallenge);
        var backToAuthorize = await SignInAsync(Redirected(toSignIn), username, password);
        var toClient = await FollowAsync(Expect(backToAuthorize, HttpStatusCode.Redirect));
        var location = Redirected(Expect(toClient, HttpStatusCode.Redirect));
        return HttpUtility.ParseQueryString(location.Query)["code"]
            ?? throw new InvalidOperationException($"The provider redirected without a code: {location}");
    }

    /// <summary>Exchanges an authorization code at the token endpoint (public client, no secret).</summary>
    public Task<HttpResponseMessage> RedeemCodeAsync(string clientId, string redirectUri, string code, string codeVerifier) =>
        _http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["code"] = code,
            ["code_verifier"] = codeVerifier,
        }));

    /// <summary>Exchanges a refresh token at the token endpoint (public client, no secret).</summary>
    public Task<HttpResponseMessage> RefreshAsync(string clientId, string refreshToken) =>
        _http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        }));

    /// <summary>Reads a successful token response.</summary>
    public static async Task<TokenSet> ReadTokensAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        }
        var json = JsonSerializer.Deserialize<JsonElement>(body);
        return new TokenSet(
            json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    /// <summary>The decoded claims of a JWS (its middle part), signature not checked.</summary>
    public static JsonElement Claims(string jws) => JwsPart(jws, 1);

    /// <summary>The decoded protected header of a JWS (its first part).</summary>
    public static JsonElement Header(string jws) => JwsPart(jws, 0);

    /// <summary>The address a redirect response points at, made absolute.</summary>
    public Uri Redirected(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location : new Uri(_http.BaseAddress!, location);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static HttpResponseMessage Expect(HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode == status ? response : throw new InvalidOperationException($"Expected {(int)status}, got {(int)response.StatusCode}.");

    private static JsonElement JwsPart(string jws, int index)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var part = jws.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(part));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">""")]
    private static partial Regex FormAction();
}

/// <summary>The tokens of one token response.</summary>
/// <param name="AccessToken">The bearer token for the API.</param>
/// <param name="IdentityToken">The ID token, for people only.</param>
/// <param name="RefreshToken">The refresh token, when <c>offline_access</c> was granted.</param>
public sealed record TokenSet(string AccessToken, string? IdentityToken, string? RefreshToken);
