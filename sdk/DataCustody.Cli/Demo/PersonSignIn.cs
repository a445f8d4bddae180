using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using DataCustody.Cli.Api;

namespace DataCustody.Cli.Demo;

/// <summary>
/// Signs a demo person in through the embedded provider's own sign-in form, with the authorization
/// code flow and PKCE as the public <c>custody-cli</c> client: what a browser would do, without one.
/// Only for the demo accounts; a real person signs in with a browser.
/// </summary>
internal static partial class PersonSignIn
{
    public const string ClientId = "custody-cli";
    public const string RedirectUri = "http://127.0.0.1:7890/callback";

    /// <summary>An access token for <paramref name="username"/>.</summary>
    /// <exception cref="BrokerProblemException">A step was refused, such as a wrong password.</exception>
    public static async Task<string> AccessTokenAsync(Uri broker, string username, string password, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BrokerApi.CreateHttp(broker).BaseAddress,
            Timeout = BrokerApi.RequestTimeout,
        };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = HttpUtility.ParseQueryString(string.Empty);
        query["client_id"] = ClientId;
        query["redirect_uri"] = RedirectUri;
        query["response_type"] = "code";
        query["scope"] = "openid profile";
        query["state"] = Base64Url(RandomNumberGenerator.GetBytes(16));
        query["nonce"] = Base64Url(RandomNumberGenerator.GetBytes(16));
        query["code_challenge"] = challenge;
        query["code_challenge_method"] = "S256";

        using var toForm = await http.GetAsync($"connect/authorize?{query}", cancellationToken);
        var form = await Redirected(http, toForm, "authorize", cancellationToken);
        var page = await http.GetStringAsync(form, cancellationToken);
        var fields = HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = username;
        fields["password"] = password;
        var action = FormAction().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["action"].Value)
            : throw new BrokerProblemException("sign-in", 200, "no sign-in form", null, $"The page at {form} has no sign-in form.");
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await http.PostAsync(new Uri(form, action), content, cancellationToken);
        var back = await Redirected(http, signedIn, $"sign-in of {username} (wrong password?)", cancellationToken);
        using var toClient = await http.GetAsync(back, cancellationToken);
        var callback = await Redirected(http, toClient, "authorize after sign-in", cancellationToken);
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]
            ?? throw new BrokerProblemException("authorize", (int)toClient.StatusCode, "no code", null, $"The provider redirected without a code: {callback}");

        using var tokenRequest = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = verifier,
        });
        using var tokens = await http.PostAsync("connect/token", tokenRequest, cancellationToken);
        return await BrokerApi.ReadAccessTokenAsync($"token for {username}", tokens, cancellationToken);
    }

    private static async Task<Uri> Redirected(HttpClient http, HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
        {
            throw await BrokerProblemException.ReadAsync($"{step}: expected a redirect", response, cancellationToken);
        }
        var location = response.Headers.Location;
        return location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">""")]
    private static partial Regex FormAction();
}
