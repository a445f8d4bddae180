using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity;

/// <summary>Sign-in and sign-out of the gateway's own pages, as an OpenID Connect relying party.</summary>
internal static class PagesEndpoints
{
    public const string SignIn = "/account/signin";
    public const string SignOut = "/account/signout";

    public static IResult Challenge(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [IdentitySchemes.PagesChallenge]);

    public static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // A cross-site form must not be able to sign people out.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(title: "The sign-out form expired", detail: "Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [IdentitySchemes.Pages, IdentitySchemes.PagesChallenge]);
    }

    // "//host" and "/\host" are protocol-relative to browsers: only a plain local path is followed.
    private static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
