using System.Security.Claims;
using DataCustody.Identity;

namespace DataCustody.Gateway.Pages;

/// <summary>Who a page is shown to: the name in its header, and whether it offers the pages of a person.</summary>
public sealed record PageSession(string Name, bool IsCitizen)
{
    /// <summary>The session of the signed-in browser of <paramref name="http"/>, or null when nobody is signed in.</summary>
    public static PageSession? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true
            ? new PageSession(
                http.User.FindFirstValue(IdentityClaims.Name) ?? http.User.FindFirstValue(IdentityClaims.Subject) ?? "you",
                http.User.IsInRole(IdentityRoles.Citizen))
            : null;
    }
}
