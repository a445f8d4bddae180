using System.Net;
using System.Text.RegularExpressions;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests.Pages;

/// <summary>A browser on the gateway's pages, as far as HTTP goes: cookies, redirects one at a time, forms.</summary>
internal sealed partial class PageVisitor(Uri gateway) : IDisposable
{
    private readonly AuthorizationCodeClient _browser = new(gateway);

    /// <summary>The browser under the visitor.</summary>
    public AuthorizationCodeClient Browser => _browser;

    /// <summary>
    /// Signs in to the pages as <paramref name="username"/> (with <paramref name="password"/>, by default
    /// the demo account's) by opening <paramref name="page"/>; returns the page it came back to.
    /// </summary>
    public static async Task<(PageVisitor Visitor, HttpResponseMessage Page)> SignedInAsync(Uri gateway, string username, string page = "my/custody", string? password = null)
    {
        var visitor = new PageVisitor(gateway);
        var response = await visitor._browser.OpenAsync(page);
        while (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = visitor._browser.Redirected(response).AbsolutePath == "/connect/signin"
                ? await visitor._browser.SignInAsync(visitor._browser.Redirected(response), username, password ?? DemoTokens.Passwords[username])
                : await visitor._browser.FollowAsync(response);
        }
        return (visitor, response);
    }

    /// <summary>Opens a page and follows its redirects.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string page)
    {
        var response = await _browser.OpenAsync(page);
        while (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = await _browser.FollowAsync(response);
        }
        return response;
    }

    /// <summary>
    /// Posts the form of <paramref name="html"/> that goes to <paramref name="action"/>, with its
    /// antiforgery token and the <paramref name="fields"/> the visitor filled in, as its button would.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(string html, string action, IReadOnlyDictionary<string, string>? fields = null)
    {
        Assert.Contains($"action=\"{action}\"", html, StringComparison.Ordinal);
        var token = Token().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        var form = fields?.ToDictionary() ?? [];
        form[token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value);
        return _browser.PostFormAsync(action, form);
    }

    /// <inheritdoc />
    public void Dispose() => _browser.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex Token();
}
