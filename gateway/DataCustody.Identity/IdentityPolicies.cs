using Microsoft.AspNetCore.Authorization;

namespace DataCustody.Identity;

/// <summary>
/// Authorization policies of the API: each needs a bearer access token carrying one of the named
/// roles. No token gives 401, a token without the role 403.
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

    internal static void Add(AuthorizationBuilder authorization)
    {
        Require(authorization, AnyRole, IdentityRoles.Citizen, IdentityRoles.Provider, IdentityRoles.Regulator, IdentityRoles.Auditor);
        Require(authorization, Citizen, IdentityRoles.Citizen);
        Require(authorization, Provider, IdentityRoles.Provider);
        Require(authorization, Regulator, IdentityRoles.Regulator);
        Require(authorization, Auditor, IdentityRoles.Auditor);
        Require(authorization, RegulatorOrAuditor, IdentityRoles.Regulator, IdentityRoles.Auditor);
        Require(authorization, ProviderOrRegulator, IdentityRoles.Provider, IdentityRoles.Regulator);
    }

    private static void Require(AuthorizationBuilder authorization, string policy, params string[] roles) =>
        authorization.AddPolicy(policy, p => p
            .AddAuthenticationSchemes(IdentitySchemes.Bearer)
            .RequireAuthenticatedUser()
            .RequireRole(roles));
}
