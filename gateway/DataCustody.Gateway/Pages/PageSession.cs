using System.Security.Claims;
using DataCustody.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace DataCustody.Gateway.Pages;

/// <summary>
/// Who a page is shown to, and the antiforgery token its forms post back: every form of the pages
/// changes something on the person's behalf, so none may be posted from another site.
/// </summary>
public sealed record PageSession(string Name, bool IsCitizen, string FormField, string FormToken)
{
    /// <summary>The session of the signed-in browser of <paramref name="http"/>, or null when nobody is signed in.</summary>
    public static PageSession? Of(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new PageSession(
            http.User.FindFirstValue(IdentityClaims.Name) ?? http.User.FindFirstValue(IdentityClaims.Subject) ?? "you",
            http.User.IsInRole(IdentityRoles.Citizen),
            tokens.FormFieldName,
            tokens.RequestToken ?? string.Empty);
    }
}
