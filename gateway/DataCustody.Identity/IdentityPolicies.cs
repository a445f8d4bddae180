using Microsoft.AspNetCore.Authorization;

namespace DataCustody.Identity;

/// <summary>
/// Authorization policies. Those of the API need a bearer access token carrying one of the named
/// roles: no token gives 401, a token without the role 403. <see cref="CitizenPages"/> is the
/// pages' cookie instead: no cookie sends the browser to sign in, another role to
/// <see cref="PagePaths.AccessDenied"/>.
/// </summary>
public static class IdentityPolicies
{
    /// <summary>A person whose data is in custody.</summary>
    public const string Citizen = "Citizen";

    /// <summary>A provider's system.</summary>
    public const string Provider = "Provider";

    /// <summary>A regulator.</summary>
    public const string Regulator = "Regulator";

    /// <summary>An auditor.</summary>
    public const string Auditor = "Auditor";

    /// <summary>A regulator or an auditor: whoever may read log entries in full.</summary>
    public const string RegulatorOrAuditor = "RegulatorOrAuditor";

    /// <summary>A provider's system or a regulator.</summary>
    public const string ProviderOrRegulator = "ProviderOrRegulator";

    /// <summary>Anyone signed in with a role: a person, a provider, a regulator or an auditor.</summary>
    public const string AnyRole = "AnyRole";

    /// <summary>A person signed in to the gateway's pages.</summary>
    public const string CitizenPages = "CitizenPages";

    /// <summary>Anyone signed in to the gateway's pages, whatever their role.</summary>
    public const string SignedInPages = "SignedInPages";

    internal static void Add(AuthorizationBuilder authorization)
    {
        Require(authorization, AnyRole, IdentityRoles.Citizen, IdentityRoles.Provider, IdentityRoles.Regulator, IdentityRoles.Auditor);
        Require(authorization, Citizen, IdentityRoles.Citizen);
        Require(authorization, Provider, IdentityRoles.Provider);
        Require(authorization, Regulator, IdentityRoles.Regulator);
        Require(authorization, Auditor, IdentityRoles.Auditor);
        Require(authorization, RegulatorOrAuditor, IdentityRoles.Regulator, IdentityRoles.Auditor);
        Require(authorization, ProviderOrRegulator, IdentityRoles.Provider, IdentityRoles.Regulator);
        authorization.AddPolicy(CitizenPages, p => p.AddAuthenticationSchemes(IdentitySchemes.Pages).RequireAuthenticatedUser().RequireRole(IdentityRoles.Citizen));
        authorization.AddPolicy(SignedInPages, p => p.AddAuthenticationSchemes(IdentitySchemes.Pages).RequireAuthenticatedUser());
    }

    private static void Require(AuthorizationBuilder authorization, string policy, params string[] roles) =>
        authorization.AddPolicy(policy, p => p
            .AddAuthenticationSchemes(IdentitySchemes.Bearer)
            .RequireAuthenticatedUser()
            .RequireRole(roles));
}
