namespace DataCustody.Identity;

/// <summary>Claim names in the broker's tokens, as issued (inbound claim mapping is off).</summary>
public static class IdentityClaims
{
    /// <summary>The person's id for people, the client id for systems.</summary>
    public const string Subject = "sub";

    /// <summary>A display name.</summary>
    public const string Name = "name";

    /// <summary>One role of <see cref="IdentityRoles"/>; repeated for several.</summary>
    public const string Role = "role";

    /// <summary>The provider a system's token speaks for.</summary>
    public const string ProviderId = "provider_id";
}
