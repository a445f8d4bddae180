namespace DataCustody.Identity;

/// <summary>The roles the broker knows, issued as <c>role</c> claims.</summary>
public static class IdentityRoles
{
    /// <summary>A person whose data is in custody.</summary>
    public const string Citizen = "citizen";

    /// <summary>A service provider's system.</summary>
    public const string Provider = "provider";

    /// <summary>A regulator: breach reports and impact queries.</summary>
    public const string Regulator = "regulator";

    /// <summary>An auditor: reads the log's entries.</summary>
    public const string Auditor = "auditor";
}
