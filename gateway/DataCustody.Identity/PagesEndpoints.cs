using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity;

/// <summary>Sign-in and sign-out of the gateway's own pages, as an OpenID Connect relying party.</summary>
internal static class PagesEndpoints
{
    public static IResult Challenge(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [IdentitySchemes.PagesChallenge]);

    /// <summary>Signs out of the pages and of the provider; a <see cref="PageFormCheck"/> guards it.</summary>
    public static IResult SignOut() =>
        Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [IdentitySchemes.Pages, IdentitySchemes.PagesChallenge]);

    // "//host" and "/\host" are protocol-relative to browsers: only a plain local path is followed.
    private static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
