using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The question the provider asks before ending a session on a sign-out request it cannot tell
/// apart from one a page elsewhere sent the browser on: a form that posts the request back with an
/// antiforgery token and the person's confirmation.
/// </summary>
internal static class SignOutPage
{
    /// <summary>The form field that carries the person's confirmation.</summary>
    public const string ConfirmField = "confirm";

    public static IResult Ask(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The end-session request was not validated by OpenIddict.");
        var e = HtmlEncoder.Default;
        var fields = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            // The request goes back as it came, without a confirmation or token of an earlier post.
            if (name != ConfirmField && name != tokens.FormFieldName)
            {
                fields.Append($"""<input type="hidden" name="{e.Encode(name)}" value="{e.Encode((string?)value ?? string.Empty)}">""").Append('\n');
            }
        }
        var body = $"""
            <p>An application asked to sign you out of DataCustody. Sign out?</p>
            <form method="post" action="{e.Encode(http.Request.PathBase + ProviderPaths.EndSession)}">
            <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? string.Empty)}">
            {fields}<button type="submit" name="{ConfirmField}" value="yes">Sign out</button>
            </form>
            <p><a href="{e.Encode(http.Request.PathBase + "/")}">Stay signed in</a></p>
            """;
        return ProviderPage.Render("Sign out of DataCustody", body, StatusCodes.Status200OK);
    }
}
