using DataCustody.Identity.Configuration;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The authorization endpoint after OpenIddict validated the request: sends a person who is not
/// signed in, or must sign in again, to the sign-in form, and issues the code for one who is.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, AccountDirectory accounts, IOptions<IdentitySettings> settings, TimeProvider time)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The authorization endpoint was reached without an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentitySchemes.ProviderSession);
        var account = session.Succeeded ? accounts.FindByPersonId(session.Principal.FindFirst(IdentityClaims.Subject)?.Value) : null;
        var signedInAt = SignInTime.Of(session.Principal);
        if (account is null || Reauthentication.IsRequired(request, signedInAt, time.GetUtcNow()))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(ErrorProperties(Errors.LoginRequired, "The person is not signed in, or not recently enough."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var returnUrl = Reauthentication.ReturnUrl(http.Request);
            return Results.Redirect($"{http.Request.PathBase}{ProviderPaths.SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        var principal = TokenPrincipals.ForPerson(account, request.GetScopes(), settings.Value.Audience, signedInAt);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
