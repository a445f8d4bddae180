using System.Security.Claims;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>Which provider a provider token speaks for (its <c>provider_id</c> claim).</summary>
public static class CallerProvider
{
    /// <summary>The token's provider id, or a 403 problem when the token names none.</summary>
    public static bool TryGet(ClaimsPrincipal user, out string providerId, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(user);
        providerId = user.FindFirstValue(IdentityClaims.ProviderId) ?? "";
        problem = providerId.Length == 0
            ? ApiProblems.Forbidden(IdentityClaims.ProviderId, "The access token does not name the provider it speaks for.")
            : null;
        return problem is null;
    }

    /// <summary>
    /// Whether the token speaks for <paramref name="routeProviderId"/>; otherwise a 403 problem
    /// naming the route parameter <c>id</c>.
    /// </summary>
    public static bool IsSelf(ClaimsPrincipal user, string routeProviderId, out ProblemHttpResult? problem)
    {
        if (!TryGet(user, out var own, out problem))
        {
            return false;
        }
        if (!string.Equals(own, routeProviderId, StringComparison.Ordinal))
        {
            problem = ApiProblems.Forbidden("id", $"The access token speaks for provider {own}, not {routeProviderId}.");
            return false;
        }
        return true;
    }

    /// <summary>Whether the caller is a regulator (who may read any provider's records) or speaks for <paramref name="routeProviderId"/>.</summary>
    public static bool IsSelfOrRegulator(ClaimsPrincipal user, string routeProviderId, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(user);
        problem = null;
        return user.IsInRole(IdentityRoles.Regulator) || IsSelf(user, routeProviderId, out problem);
    }

    /// <summary>The client a request comes from, for rate limits: <c>azp</c>, <c>client_id</c> or <c>sub</c>.</summary>
    public static string? ClientOf(ClaimsPrincipal user) =>
        user.FindFirstValue("azp") ?? user.FindFirstValue("client_id") ?? user.FindFirstValue(IdentityClaims.Subject);
}
