using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Identity;

/// <summary>Sign-in and sign-out of the gateway's own pages, as an OpenID Connect relying party.</summary>
internal static class PagesEndpoints
{
    public static IResult Challenge(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [IdentitySchemes.PagesChallenge]);

    /// <summary>Signs out of the pages and of the provider; a <see cref="PageFormCheck"/> guards it.</summary>
    public static IResult SignOut() =>
        Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [IdentitySchemes.Pages, IdentitySchemes.PagesChallenge]);

    // Only a local path is followed. Browsers read "//host" and "/\host" as another site, and drop
    // tabs and newlines first, so "/\t/host" is one too: the framework's check refuses all of them.
    private static string LocalOrHome(string? url) => RedirectHttpResult.IsLocalUrl(url) ? url! : "/";
}
