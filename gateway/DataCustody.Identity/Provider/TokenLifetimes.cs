using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Identity.Provider;

/// <summary>
/// How long the embedded provider's tokens live (OpenIddict's defaults, stated here because the
/// longest of them decides how long a retired key must still verify or decrypt what was made with it).
/// </summary>
internal static class TokenLifetimes
{
    private static readonly TimeSpan AuthorizationCode = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdentityToken = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan AccessToken = TimeSpan.FromHours(1);
    private static readonly TimeSpan RefreshToken = TimeSpan.FromDays(14);

    /// <summary>The lifetime of the longest-lived token: a refresh token.</summary>
    public static TimeSpan Longest => RefreshToken;

    /// <summary>Sets these lifetimes on the provider.</summary>
    public static OpenIddictServerBuilder Apply(OpenIddictServerBuilder server) => server
        .SetAuthorizationCodeLifetime(AuthorizationCode)
        .SetIdentityTokenLifetime(IdentityToken)
        .SetAccessTokenLifetime(AccessToken)
        .SetRefreshTokenLifetime(RefreshToken);
}
