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

    /// <summary>When the person last signed in to the provider, in seconds since 1970 (UTC); in ID tokens.</summary>
    public const string AuthenticationTime = "auth_time";

    /// <summary>The provider a system's token speaks for.</summary>
    public const string ProviderId = "provider_id";
}
