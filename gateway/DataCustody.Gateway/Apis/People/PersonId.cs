using System.Security.Claims;
using DataCustody.Identity;

namespace DataCustody.Gateway.Apis.People;

/// <summary>The person a request speaks for: always the token's <c>sub</c>, never a route parameter.</summary>
internal static class PersonId
{
    /// <summary>The person id of a Citizen-authorized caller.</summary>
    /// <exception cref="InvalidOperationException">The token has no subject, which the Citizen policy should have refused.</exception>
    public static string Of(ClaimsPrincipal user) =>
        user.FindFirstValue(IdentityClaims.Subject) is { Length: > 0 } sub
            ? sub
            : throw new InvalidOperationException("A citizen token without a subject passed authorization.");
}
