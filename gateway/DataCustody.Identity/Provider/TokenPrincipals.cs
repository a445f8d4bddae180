using System.Security.Claims;
using DataCustody.Identity.Configuration;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The claims the provider issues. OpenIddict puts a claim in a token only if the claim names
/// that token as a destination, so each claim's destinations are decided here, in one place.
/// </summary>
internal static class TokenPrincipals
{
    /// <summary>
    /// A person: <c>sub</c> is their person id, with their name and roles, and <c>auth_time</c> when
    /// <paramref name="signedInAt"/> is known.
    /// </summary>
    public static ClaimsPrincipal ForPerson(AccountSettings account, IEnumerable<string> scopes, string audience, DateTimeOffset? signedInAt)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, account.PersonId)
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaims(Claims.Role, [.. account.Roles]);
        if (signedInAt is { } when)
        {
            identity.AddClaim(SignInTime.Claim(when));
        }
        return Finish(identity, scopes, audience);
    }

    /// <summary>A provider's system: <c>sub</c> is its client id, with its role and <c>provider_id</c>.</summary>
    public static ClaimsPrincipal ForClient(ClientSettings client, IEnumerable<string> scopes, string audience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, client.ClientId);
        if (client.Role is not null)
        {
            identity.SetClaim(Claims.Role, client.Role);
        }
        if (client.ProviderId is not null)
        {
            identity.SetClaim(IdentityClaims.ProviderId, client.ProviderId);
        }
        // A system asks again with its secret; a refresh token would only outlive a revoked secret.
        return Finish(identity, scopes.Where(s => s != Scopes.OfflineAccess), audience);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(audience);
        principal.SetDestinations(DestinationsOf);
        return principal;
    }

    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
        IdentityClaims.ProviderId => [Destinations.AccessToken],
        // Always issued, not only when max_age asked for it: a client may judge the sign-in's age itself.
        Claims.AuthenticationTime => [Destinations.IdentityToken],
        // Anything else (OpenIddict's own bookkeeping claims) stays out of the tokens.
        _ => [],
    };
}
