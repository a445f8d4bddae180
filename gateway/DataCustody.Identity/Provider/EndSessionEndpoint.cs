using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The end-session endpoint after OpenIddict validated the request: ends the person's session at
/// the provider and sends the browser to the validated post-logout URI, or home.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentitySchemes.ProviderSession);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
