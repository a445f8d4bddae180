using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DataCustody.Identity;

/// <summary>The authentication schemes <see cref="IdentityExtensions.AddDataCustodyIdentity"/> registers.</summary>
public static class IdentitySchemes
{
    /// <summary>Bearer access tokens on the API.</summary>
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The gateway pages' session cookie, as a relying party.</summary>
    public const string Pages = "DataCustody.Pages";

    /// <summary>OpenID Connect sign-in for the gateway pages.</summary>
    public const string PagesChallenge = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Who is signed in to the embedded provider itself.</summary>
    public const string ProviderSession = "DataCustody.Provider";
}
