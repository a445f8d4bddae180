using DataCustody.Identity.Configuration;
using DataCustody.Identity.Storage;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The token endpoint after OpenIddict validated the request and the client was authenticated:
/// issues tokens for client credentials, and for codes and refresh tokens redeemed for the first time.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        ClientDirectory clients,
        AccountDirectory accounts,
        RedeemedTokens redeemed,
        IOptions<IdentitySettings> settings,
        IOptionsMonitor<OpenIddictServerOptions> server,
        TimeProvider time)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without an OpenID Connect request.");
        var audience = settings.Value.Audience;
        if (request.IsClientCredentialsGrantType())
        {
            // TokenRequestValidation has authenticated this client.
            var client = clients.Find(request.ClientId)!;
            return SignIn(TokenPrincipals.ForClient(client, request.GetScopes(), audience));
        }

        // Only the code and refresh token grants are left: OpenIddict refuses the others.
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return Refuse("The authorization code or refresh token is not valid.");
        }
        var (token, lifetime) = request.IsAuthorizationCodeGrantType()
            ? (request.Code!, server.CurrentValue.AuthorizationCodeLifetime)
            : (request.RefreshToken!, server.CurrentValue.RefreshTokenLifetime);
        var expiresAt = result.Principal.GetExpirationDate() ?? time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(14));
        if (!await redeemed.TryRedeemAsync(token, expiresAt, http.RequestAborted))
        {
            return Refuse("The authorization code or refresh token has already been used.");
        }
        // Roles come from the current configuration, not from when the code was issued.
        var account = accounts.FindByPersonId(result.Principal.GetClaim(Claims.Subject));
        if (account is null)
        {
            return Refuse("The account no longer exists.");
        }
        // The sign-in the code was issued for, also on refresh: the person has not signed in again since.
        return SignIn(TokenPrincipals.ForPerson(account, result.Principal.GetScopes(), audience, SignInTime.Of(result.Principal)));
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string description) =>
        Results.Forbid(AuthorizeEndpoint.ErrorProperties(Errors.InvalidGrant, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
