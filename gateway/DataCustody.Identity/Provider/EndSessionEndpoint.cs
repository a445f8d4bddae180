using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The end-session endpoint after OpenIddict validated the request: ends the person's session at
/// the provider and sends the browser to the validated post-logout URI, or home. A request whose
/// <c>id_token_hint</c> names the signed-in person, or that the person confirmed on the provider's
/// own form, ends it at once; any other request asks first (RP-Initiated Logout 1.0, section 2), so
/// that a page elsewhere cannot sign people out by sending their browser here.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var session = await http.AuthenticateAsync(IdentitySchemes.ProviderSession);
        if (session.Principal is { } person && !await IsConfirmedAsync(http, antiforgery) && !await HintNamesAsync(http, person))
        {
            return SignOutPage.Ask(http, antiforgery);
        }
        await http.SignOutAsync(IdentitySchemes.ProviderSession);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    // Only the provider's form carries a token that matches this browser's antiforgery cookie.
    private static async Task<bool> IsConfirmedAsync(HttpContext http, IAntiforgery antiforgery) =>
        HttpMethods.IsPost(http.Request.Method)
        && http.Request.HasFormContentType
        && (await http.Request.ReadFormAsync(http.RequestAborted)).ContainsKey(SignOutPage.ConfirmField)
        && await antiforgery.IsRequestValidAsync(http);

    // OpenIddict has validated the hint's signature and client; what is left is whose it is.
    private static async Task<bool> HintNamesAsync(HttpContext http, ClaimsPrincipal person)
    {
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var hinted = hint.Principal?.FindFirst(IdentityClaims.Subject)?.Value;
        return hinted is not null && hinted == person.FindFirst(IdentityClaims.Subject)?.Value;
    }
}
