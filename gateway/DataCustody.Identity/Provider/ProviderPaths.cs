using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity.Provider;

/// <summary>Where the embedded provider's endpoints live (discovery and JWKS keep OpenIddict's defaults).</summary>
public static class ProviderPaths
{
    /// <summary>The OpenID Connect authorization endpoint.</summary>
    public const string Authorize = "/connect/authorize";

    /// <summary>The token endpoint.</summary>
    public const string Token = "/connect/token";

    /// <summary>The end-session (sign-out) endpoint.</summary>
    public const string EndSession = "/connect/endsession";

    /// <summary>The sign-in form people see during the authorization request.</summary>
    public const string SignIn = "/connect/signin";

    /// <summary>The discovery document.</summary>
    public const string Discovery = "/.well-known/openid-configuration";

    /// <summary>The published signing keys.</summary>
    public const string Jwks = "/.well-known/jwks";

    /// <summary>Whether <paramref name="path"/> may be one of the paths above: they all lie under <c>/connect</c> or <c>/.well-known</c>.</summary>
    public static bool MayBeProviderPath(PathString path) =>
        path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase);
}
