namespace DataCustody.Identity.Configuration;

/// <summary>A person who can sign in to the embedded provider (<c>Identity:Accounts</c>).</summary>
public sealed class AccountSettings
{
    /// <summary>What the person types to sign in.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The person's stable id, issued as <c>sub</c>; the citizen grain key.</summary>
    public string PersonId { get; set; } = string.Empty;

    /// <summary>The name shown on pages.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The person's roles (<see cref="IdentityRoles"/>).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>A salted PBKDF2 hash of the password, as <see cref="SecretHasher.Hash"/> writes it.</summary>
    public string PasswordHash { get; set; } = string.Empty;
}
